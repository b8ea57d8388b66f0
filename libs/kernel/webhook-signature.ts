import { createHmac } from 'node:crypto';

/**
 * Every outgoing webhook (notifications, platform events, payouts) is signed in both schemes receivers
 * commonly verify, by every secret configured for its destination, so a receiver can move to a new
 * secret while the old one still signs:
 * - `Redress-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`: HMAC-SHA256 of `"<t>.<body>"` keyed with the
 *   secret string as configured (Stripe's scheme);
 * - Standard Webhooks: `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64>[ v1,<base64>…]`,
 *   HMAC-SHA256 of `"<id>.<timestamp>.<body>"` keyed with the bytes a `whsec_…` secret encodes in base64,
 *   or with the secret's UTF-8 bytes when it has no such prefix.
 */
export interface WebhookSignatureInput {
  /** The event id (for payout calls, the refund id): what receivers de-duplicate on. */
  id: string;
  body: string;
  secrets: readonly string[];
  unixSeconds?: number;
}

export function webhookSignatureHeaders({
  id,
  body,
  secrets,
  unixSeconds = Math.floor(Date.now() / 1000),
}: WebhookSignatureInput): Record<string, string> {
  const headers: Record<string, string> = { 'webhook-id': id, 'webhook-timestamp': String(unixSeconds) };
  if (secrets.length === 0) return headers;
  return {
    ...headers,
    'webhook-signature': secrets
      .map((secret) => `v1,${hmac(standardWebhookKey(secret), `${id}.${unixSeconds}.${body}`, 'base64')}`)
      .join(' '),
    'redress-signature': signWebhook(secrets, body, unixSeconds),
  };
}

/** The `Redress-Signature` header alone: `t=<unix>` and one `v1=` per secret. */
export function signWebhook(
  secrets: readonly string[],
  body: string,
  unixSeconds: number = Math.floor(Date.now() / 1000),
): string {
  const macs = secrets.map(
    (secret) => `v1=${hmac(Buffer.from(secret, 'utf8'), `${unixSeconds}.${body}`, 'hex')}`,
  );
  return [`t=${unixSeconds}`, ...macs].join(',');
}

const WHSEC_PREFIX = 'whsec_';

/** The HMAC key of the Standard Webhooks scheme (webhookSecretProblem refuses a `whsec_` secret that is not base64). */
export function standardWebhookKey(secret: string): Buffer {
  return secret.startsWith(WHSEC_PREFIX)
    ? Buffer.from(secret.slice(WHSEC_PREFIX.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/** Why a configured secret cannot sign, or null: a `whsec_` prefix promises base64 after it. */
export function webhookSecretProblem(secret: string): string | null {
  if (!secret.startsWith(WHSEC_PREFIX)) return null;
  const encoded = secret.slice(WHSEC_PREFIX.length);
  const valid = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && encoded.length % 4 === 0;
  return valid ? null : 'a whsec_ secret must be followed by base64';
}

function hmac(key: Buffer, message: string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', key).update(message).digest(encoding);
}

/** Every webhook names its sender and version, so receivers can tell Redress's calls apart in their logs. */
export const webhookUserAgent = (version: string): string => `Redress-Webhooks/${version}`;
