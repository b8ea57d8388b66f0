/** Longest wait for the identity provider's discovery document or JWKS. */
const FETCH_TIMEOUT_MS = 5000;

/** GETs a JSON document from the identity provider: 200 only, no redirects, within the timeout. */
export async function fetchJson(url: URL): Promise<unknown> {
  const res = await fetch(url, {
    headers: { accept: 'application/json, application/jwk-set+json' },
    redirect: 'error',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (res.status !== 200) throw new Error(`${url.href} answered ${res.status}`);
  return res.json();
}

/** An error's message with its cause's (fetch says only "fetch failed"; the cause says why). */
export function describeError(error: unknown): string {
  const { message, cause } = error as { message: string; cause?: { message?: unknown } };
  return typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message;
}
