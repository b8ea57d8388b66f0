import {
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { DomainError } from '@redress/kernel';

/** Parses `If-Match: "<version>"` (or a bare number); absent → undefined. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '' || header === '*') return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!match)
    throw new DomainError('validation_failed', 'If-Match must be a quoted version, e.g. "3"', [
      { field: 'If-Match', message: 'invalid' },
    ]);
  return Number(match[1]);
}

/** Documents the If-Match header on the route whose parameter it decorates. */
const documentIfMatch: ParameterDecorator = (target, key) => {
  if (key === undefined) return;
  ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The version the change is based on, as its ETag; 412 version_mismatch if the resource has moved on',
    schema: { type: 'string', pattern: '^(W/)?"?[0-9]{1,9}"?$', example: '"3"' },
  })(target, key, Object.getOwnPropertyDescriptor(target, key)!);
};

export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) =>
    parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
  [documentIfMatch],
);

/** Any single resource with an integer `version` gets `ETag: "<version>"`. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number')
          context.switchToHttp().getResponse<FastifyReply>().header('ETag', `"${version}"`);
        return body;
      }),
    );
  }
}
