import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `Redress-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, shared by
 * notification, platform and payout webhooks. The timestamp inside the MAC lets receivers refuse replays.
 */
export function signWebhook(
  secret: string,
  body: string,
  unixSeconds: number = Math.floor(Date.now() / 1000),
): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does: recompute and compare in constant time, within a tolerance window. */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
