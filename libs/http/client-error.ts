import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';

/**
 * Errors Node's HTTP parser raises before any route runs (a head over 16 KiB, a request that did not
 * arrive within the request timeout, bytes that are not HTTP). Fastify's default answer is its own
 * JSON; this one is problem+json like every other error, written straight to the socket, which is
 * then closed (the parser cannot resynchronise on it).
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = clientProblem(error.code);
  const body = JSON.stringify(answer);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${randomUUID()}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function clientProblem(code: string | undefined): Problem {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { ...problem('payload_too_large', 'The request line and headers exceed 16 KiB'), status: 431 };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      ...problem('validation_failed', 'The request did not arrive completely in time'),
      status: 408,
    };
  return problem('validation_failed', 'The request is not valid HTTP');
}
