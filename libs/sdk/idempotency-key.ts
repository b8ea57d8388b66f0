/**
 * A fresh `Idempotency-Key`. Browsers offer `crypto.randomUUID` only in a secure context (HTTPS or
 * localhost), so a page served over plain HTTP gets 128 random bits in hex instead.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
