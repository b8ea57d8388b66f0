import { createHmac, timingSafeEqual } from 'node:crypto';

/** The body of every notification and platform webhook; `id` is the same on every retry. */
export interface WebhookEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export type WebhookHeaders = Record<string, string | string[] | undefined>;

/** Timestamps further from now than this are refused, so a captured request cannot be replayed. */
const TOLERANCE_SECONDS = 300;

/**
 * Verifies a webhook from Redress on its raw body, by either scheme it is signed with (Standard
 * Webhooks' `webhook-signature` first, then `Redress-Signature`), against any of the receiver's
 * secrets (several during a rotation), and answers the parsed body; throws when nothing matches.
 */
export function verifyWebhook(
  rawBody: string | Buffer,
  headers: WebhookHeaders,
  secrets: string | readonly string[],
  now: Date = new Date(),
): WebhookEvent {
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (
    !keys.some(
      (secret) =>
        standardSignatureMatches(body, headers, secret, nowSeconds) ||
        redressSignatureMatches(body, headers, secret, nowSeconds),
    )
  )
    throw new Error('webhook signature does not match any secret, or its timestamp is too old');
  return JSON.parse(body) as WebhookEvent;
}

function standardSignatureMatches(
  body: string,
  headers: WebhookHeaders,
  secret: string,
  now: number,
): boolean {
  const [id, timestamp, signatures] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) =>
    header(headers, h),
  );
  if (!id || !fresh(timestamp, now) || !signatures) return false;
  const expected = createHmac('sha256', standardKey(secret)).update(`${id}.${timestamp}.${body}`).digest();
  return signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => same(Buffer.from(entry.slice(3), 'base64'), expected));
}

function redressSignatureMatches(
  body: string,
  headers: WebhookHeaders,
  secret: string,
  now: number,
): boolean {
  const entries = (header(headers, 'redress-signature') ?? '').split(',').map((part) => part.split('=', 2));
  const t = entries.find(([key]) => key === 't')?.[1];
  if (!fresh(t, now)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return entries
    .filter(([key]) => key === 'v1')
    .some(([, mac]) => same(Buffer.from(mac ?? '', 'hex'), expected));
}

/** A `whsec_` secret is base64 after its prefix; any other secret is keyed as its UTF-8 bytes. */
const standardKey = (secret: string): Buffer =>
  secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret, 'utf8');

function header(headers: WebhookHeaders, name: string): string | undefined {
  const value = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}

const fresh = (timestamp: string | undefined, now: number): boolean =>
  /^\d+$/.test(timestamp ?? '') && Math.abs(now - Number(timestamp)) <= TOLERANCE_SECONDS;

const same = (given: Buffer, expected: Buffer): boolean =>
  given.length === expected.length && timingSafeEqual(given, expected);
