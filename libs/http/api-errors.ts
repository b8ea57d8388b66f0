import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode } from '@redress/kernel';
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';

/** The one problem+json schema of the document; every error answer refers to it. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details, with a stable machine `code`',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'Identifies the problem; one per code' },
    title: { type: 'string', description: 'Short, the same for every problem of this code' },
    status: { type: 'integer', description: 'The HTTP status of the answer' },
    detail: { type: 'string', description: 'What went wrong with this request' },
    code: { type: 'string', enum: Object.keys(ERROR_STATUS), description: 'Stable; branch on this' },
    errors: {
      type: 'array',
      description: 'validation_failed only: the fields at fault, with paths such as `items[3].accountEmail`',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    errorId: { type: 'string', description: 'internal_error only: the id the log line carries' },
  },
};

export const PROBLEM_SCHEMA_NAME = 'Problem';
const PROBLEM_REF = { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` };

const DETAILS: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid; see errors',
  unauthenticated: 'A valid bearer token is required',
  forbidden: 'Your roles do not allow this',
  four_eyes_required: 'You proposed this refund; another person must approve it',
  not_found: 'Appeal not found',
  appeal_already_exists: 'This suspension already has an appeal',
  suspension_not_active: 'The suspension is lifted',
  invalid_transition: 'Cannot claim an appeal that is decided',
  already_claimed: 'Another reviewer holds this case',
  external_ref_conflict: 'externalRef enf-000123 was sent before with other data',
  evidence_limit_reached: 'The appeal already has 20 files',
  idempotency_request_in_progress:
    'The first request with this Idempotency-Key is still running; retry later',
  version_mismatch: 'The resource is at version 5, not 1; reload it and try again',
  payload_too_large: 'The body is larger than 1 MiB',
  unsupported_media_type: 'The file is none of PDF, PNG, JPEG, WebP, text, CSV or JSON',
  appeal_window_closed: 'The appeal window closed on 2026-02-14T09:30:00.000Z',
  refund_exceeds_balance: 'At most 7500 USD minor units are still refundable',
  reopen_window_closed: 'Decisions older than 30 days cannot be reopened',
  idempotency_key_reused: 'This Idempotency-Key was used with a different request',
  amount_out_of_range: 'frozenBalance.amountMinor is above 10^12',
  rate_limited: 'Too many requests; retry in 42 seconds',
  internal_error: 'Something went wrong on our side; quote the errorId',
  dependency_unavailable: 'The database is unavailable; retry the request',
};

/** What any route can answer before its handler runs (see docs/api.md, Errors). */
const TRANSPORT_PROBLEMS: { status: number; code: ErrorCode; name: string; detail: string }[] = [
  {
    status: 408,
    code: 'validation_failed',
    name: 'request_timeout',
    detail: 'The request did not arrive in time',
  },
  {
    status: 431,
    code: 'payload_too_large',
    name: 'head_too_large',
    detail: 'The request head is over 16 KiB',
  },
];

/** Codes every authenticated route can answer with, whatever it does. */
const EVERY_ROUTE: ErrorCode[] = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'internal_error',
  'dependency_unavailable',
];

const exampleProblem = (
  code: ErrorCode,
  status: number = ERROR_STATUS[code],
  detail = DETAILS[code],
): Problem => {
  const value: Problem = { ...problem(code, detail), status };
  if (code === 'validation_failed' && status === 400)
    value.errors = [{ field: 'statement', message: 'must not be empty' }];
  if (code === 'internal_error') value.errorId = '5b0e6f7c-3d1a-4c2b-9e8f-0a1b2c3d4e5f';
  return value;
};

/** `components.examples`: one problem per code (and per transport-level status), named by it. */
export function problemExamples(): Record<string, { summary: string; value: Problem }> {
  const examples: Record<string, { summary: string; value: Problem }> = {};
  for (const code of Object.keys(ERROR_STATUS) as ErrorCode[])
    examples[code] = { summary: `${ERROR_STATUS[code]} ${code}`, value: exampleProblem(code) };
  for (const t of TRANSPORT_PROBLEMS)
    examples[t.name] = {
      summary: `${t.status} ${t.code}`,
      value: exampleProblem(t.code, t.status, t.detail),
    };
  return examples;
}

const problemResponse = (status: number, names: string[], codes: string) =>
  ApiResponse({
    status,
    description: `problem+json: ${codes}`,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: PROBLEM_REF,
        examples: Object.fromEntries(names.map((n) => [n, { $ref: `#/components/examples/${n}` }])),
      },
    },
  });

/**
 * Documents the problem+json answers of a route, grouped by status, each with the example of its code:
 * the codes given, plus those every route can answer.
 */
export function ApiProblems(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return problemsDecorator(codes, true);
}

/** ApiProblems for a public route: no token, so no 401 or 403. */
export function ApiPublicProblems(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return problemsDecorator(codes, false);
}

function problemsDecorator(codes: ErrorCode[], authenticated: boolean) {
  const base = authenticated
    ? EVERY_ROUTE
    : EVERY_ROUTE.filter((c) => c !== 'unauthenticated' && c !== 'forbidden');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...base, ...codes]))
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return applyDecorators(
    ...[...byStatus.entries()].map(([status, list]) => problemResponse(status, list, list.join(' | '))),
    ...TRANSPORT_PROBLEMS.map((t) =>
      problemResponse(t.status, [t.name], `${t.code} (${t.detail.toLowerCase()})`),
    ),
  );
}
