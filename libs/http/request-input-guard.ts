import { DomainError, type FieldError } from '@redress/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.filter';

/** Deeper than any request of the API (a batch item's `signals` included) and far from a stack overflow. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /\p{Cs}/u;

function stringDefect(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (a lone surrogate was sent)';
  return undefined;
}

const fieldPath = (parent: string, key: string, isArray: boolean): string =>
  isArray ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * What a JSON parser or a query-string parser accepts but the API cannot process safely: nesting deep
 * enough to overflow the stack of the recursive code behind it (class-transformer, canonical JSON),
 * numbers that overflowed to Infinity (`1e999`), lone UTF-16 surrogates (`"\ud800"`, not Unicode text,
 * refused by the canonical JSON of idempotency keys and audit hashes), and NUL characters, which a
 * PostgreSQL text column cannot hold. Walks iteratively, so the check itself cannot overflow.
 * Undefined when the input is fine.
 */
export function inputDefect(input: unknown, maxDepth = MAX_JSON_DEPTH): FieldError | undefined {
  const pending: [unknown, number, string][] = [[input, 0, '']];
  while (pending.length > 0) {
    const [value, depth, field] = pending.pop()!;
    if (typeof value === 'string') {
      const message = stringDefect(value);
      if (message) return { field: field || '(body)', message };
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { field: field || '(body)', message: 'must be a finite number' };
    } else if (value !== null && typeof value === 'object') {
      if (depth >= maxDepth)
        return { field: field || '(body)', message: `is nested deeper than ${maxDepth} levels` };
      for (const [key, child] of Object.entries(value)) {
        const message = stringDefect(key);
        if (message) return { field: field || '(body)', message: `has a field name that ${message}` };
        pending.push([child, depth + 1, fieldPath(field, key, Array.isArray(value))]);
      }
    }
  }
  return undefined;
}

/**
 * Fastify hook: refuses such a JSON body or query string with 400 validation_failed before guards,
 * interceptors, pipes and handlers see it. (Multipart text fields are parsed later, by the upload
 * route's interceptor; their DTO refuses NUL itself.)
 */
export function requestInputGuard(logger: Parameters<typeof sendProblem>[2]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const defect = inputDefect(request.query) ?? inputDefect(request.body);
    if (!defect) return undefined;
    const message = `${defect.field} ${defect.message}`;
    sendProblem(reply, new DomainError('validation_failed', message, [{ ...defect, message }]), logger);
    return reply;
  };
}
