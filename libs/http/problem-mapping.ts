import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '@redress/database';
import { DomainError, newId, type ErrorCode } from '@redress/kernel';
import { problem, type Problem } from './problem';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'not_found',
  409: 'invalid_transition',
  412: 'version_mismatch',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'dependency_unavailable',
};

/** Errors Fastify raises while reading a request, before any handler runs. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FILES_LIMIT: 'validation_failed',
  FST_FIELDS_LIMIT: 'validation_failed',
  // a path parameter that cannot be decoded or is absurdly long cannot name anything (README: 404)
  FST_ERR_BAD_URL: 'not_found',
  FST_ERR_MAX_PARAM_LENGTH: 'not_found',
};

export interface MappedError {
  problem: Problem;
  /** Set for 5xx that are bugs: log the original error under this id. */
  unexpected?: unknown;
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'validation_failed');
  const response = error.getResponse();
  const detail =
    typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? error.message);
  return { ...problem(code, Array.isArray(detail) ? detail.join('; ') : String(detail)), status };
}

export function mapError(error: unknown): MappedError {
  if (error instanceof DomainError) return { problem: problem(error.code, error.message, error.errors) };
  if (error instanceof HttpException) return { problem: fromHttpException(error) };
  const fastifyCode = (error as { code?: unknown })?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_CODES[fastifyCode]) {
    return { problem: problem(FASTIFY_CODES[fastifyCode], (error as Error).message) };
  }
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      problem: {
        ...problem(CODE_BY_STATUS[statusCode] ?? 'validation_failed', (error as Error).message),
        status: statusCode,
      },
    };
  }
  if (isDatabaseUnavailable(error) || isRedisUnavailable(error)) {
    return {
      problem: problem(
        'dependency_unavailable',
        'A backing service is temporarily unavailable; try again shortly',
      ),
    };
  }
  const errorId = newId();
  return {
    problem: {
      ...problem(
        'internal_error',
        `Something went wrong on our side. Quote error id ${errorId} when reporting it.`,
      ),
      errorId,
    },
    unexpected: error,
  };
}

function isRedisUnavailable(error: unknown): boolean {
  const message = (error as { message?: unknown })?.message;
  return (
    typeof message === 'string' &&
    /Connection is closed|ECONNREFUSED.*6379|Reached the max retries per request limit/i.test(message)
  );
}
