import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode } from '@redress/kernel';

export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

/** Documents the problem+json answers a route can give, grouped by status. */
export function ApiProblems(...codes: ErrorCode[]) {
  const all: ErrorCode[] = ['validation_failed', 'unauthenticated', 'forbidden', ...codes];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(all))
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return applyDecorators(
    ...[...byStatus.entries()].map(([status, list]) =>
      ApiResponse({
        status,
        description: `problem+json with code ${list.join(' | ')}`,
        content: {
          'application/problem+json': {
            schema: PROBLEM_SCHEMA,
            example: {
              type: `https://redress.dev/problems/${list[0].replace(/_/g, '-')}`,
              title: list[0],
              status,
              detail: '…',
              code: list[0],
            },
          },
        },
      }),
    ),
  );
}
