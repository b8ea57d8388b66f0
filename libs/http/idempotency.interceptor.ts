import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, concatMap, from, of, type Observable } from 'rxjs';
import { DomainError, type Actor } from '@redress/kernel';
import { IdempotencyStore } from './idempotency.store';

const REPLAYED_HEADERS = ['location'];

/**
 * Opt-in for a creating POST: the first response to (caller, key) is stored and replayed
 * byte-for-byte; the same key with another body is a 422, and while the first still runs a 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { actor: Actor }>();
    const reply = http.getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
      throw new DomainError('validation_failed', 'Idempotency-Key must be 1–255 characters', [
        { field: 'Idempotency-Key', message: 'must be 1–255 characters' },
      ]);
    }
    const sub = request.actor.sub;
    const path = request.url.split('?')[0];
    const requestHash = createHash('sha256')
      .update(`${request.method} ${path}\n${canonicalize(request.body ?? null) ?? ''}`)
      .digest('hex');

    const claim = await this.store.claim(sub, key, requestHash);
    if (claim.kind !== 'owner' && !claim.sameRequest) {
      throw new DomainError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request',
      );
    }
    if (claim.kind === 'in_progress') {
      throw new DomainError(
        'idempotency_request_in_progress',
        'A request with this Idempotency-Key is still being processed; retry shortly',
      );
    }
    if (claim.kind === 'completed') {
      reply.status(claim.status).header('Idempotent-Replayed', 'true');
      for (const [name, value] of Object.entries(claim.headers)) reply.header(name, value);
      return of(JSON.parse(claim.body));
    }
    return next.handle().pipe(
      concatMap((body) => {
        const headers = Object.fromEntries(
          REPLAYED_HEADERS.flatMap((h) =>
            reply.getHeader(h) === undefined ? [] : [[h, String(reply.getHeader(h))]],
          ),
        );
        return from(
          this.store
            .complete(sub, key, reply.statusCode, headers, JSON.stringify(body ?? null))
            .then(() => body),
        );
      }),
      catchError((error: unknown) => from(this.store.release(sub, key).then(() => Promise.reject(error)))),
    );
  }
}

export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes the request safe to retry: the first successful response to this key is replayed for 24 h ' +
        '(with Idempotent-Replayed: true); the same key with another request is a 422 idempotency_key_reused',
      schema: { type: 'string', minLength: 1, maxLength: 255, example: 'enf-000123' },
    }),
  );
