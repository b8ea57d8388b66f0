import type { AppConfig } from '@redress/config';
import type { Server } from 'node:http';

/**
 * Bounds on slow clients (slow-loris): a request, head and body, must arrive completely within
 * HTTP_REQUEST_TIMEOUT_MS (then 408 and the connection closes), and a connection with no traffic at all
 * is closed after HTTP_CONNECTION_TIMEOUT_MS. Node enforces the first only when it checks its
 * connections, every 30 s by default, which would let a client hold a socket far past the bound; the
 * check runs at a quarter of the bound instead. Set before the server listens.
 */
export function applyHttpTimeouts(server: Server, config: AppConfig): void {
  const requestTimeout = config.env.HTTP_REQUEST_TIMEOUT_MS;
  server.requestTimeout = requestTimeout;
  server.headersTimeout = requestTimeout;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(
    25,
    Math.min(30_000, Math.floor(requestTimeout / 4)),
  );
  server.setTimeout(config.env.HTTP_CONNECTION_TIMEOUT_MS);
}
