import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const VALID_REQUEST_ID = /^[A-Za-z0-9._:\-]{1,128}$/;

/**
 * Fastify's genReqId: echo a well-formed incoming X-Request-Id, otherwise mint one. The chosen id is
 * written back onto the raw headers so the pino-http logger and the response use the same value.
 */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}
