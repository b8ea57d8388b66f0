import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { newIdempotencyKey } from './idempotency-key';
import { problemOf, RedressProblem } from './problem';
import type { paths } from './schema';

export type RedressClient = Client<paths>;

export interface RedressClientOptions {
  /** Where the API is, e.g. `https://redress.example.com`; empty for the page's own origin. */
  baseUrl: string;
  /** The bearer token, or a function that answers the current one (it may change between calls). */
  token?: string | (() => string | null | undefined);
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: (request: Request) => Promise<Response>;
  /** Called with every 401, e.g. to sign in again; the call still fails with its problem. */
  onUnauthenticated?: (problem: RedressProblem) => void;
}

/**
 * A typed client of every route of the OpenAPI document (openapi-fetch): the bearer token on each
 * call, and an `Idempotency-Key` on each POST that has none, so that a create retried after a lost
 * answer is replayed by the server rather than done twice. Pass the call to `ok()` for its data.
 */
export function createRedressClient(options: RedressClientOptions): RedressClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  client.use(authAndIdempotency(options));
  return client;
}

function authAndIdempotency({ token, onUnauthenticated }: RedressClientOptions): Middleware {
  return {
    onRequest({ request }) {
      const current = typeof token === 'function' ? token() : token;
      if (current) request.headers.set('Authorization', `Bearer ${current}`);
      if (request.method === 'POST' && !request.headers.has('Idempotency-Key'))
        request.headers.set('Idempotency-Key', newIdempotencyKey());
      return request;
    },
    async onResponse({ response }) {
      if (response.status === 401 && onUnauthenticated)
        onUnauthenticated(
          new RedressProblem(
            problemOf(
              401,
              await response
                .clone()
                .json()
                .catch(() => null),
            ),
          ),
        );
    },
  };
}

/** The data of a successful call, or a RedressProblem with the problem Redress answered. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new RedressProblem(problemOf(response.status, error));
  return data as T; // undefined only for a 204, whose operation declares no body
}

/** `If-Match` for a change based on the version the caller last read (412 `version_mismatch` if it moved on). */
export const ifMatch = (resource: { version: number }): { 'If-Match': string } => ({
  'If-Match': `"${resource.version}"`,
});
