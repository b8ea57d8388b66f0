import { ERROR_STATUS, type ErrorCode, type FieldError } from '@redress/kernel';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  errorId?: string;
}

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Authentication required',
  forbidden: 'Not allowed',
  four_eyes_required: 'A second person must approve this',
  not_found: 'Not found',
  appeal_already_exists: 'An appeal already exists',
  suspension_not_active: 'The suspension is not active',
  invalid_transition: 'That action is not possible in the current state',
  already_claimed: 'Already claimed',
  external_ref_conflict: 'External reference already used with other data',
  evidence_limit_reached: 'Evidence limit reached',
  idempotency_request_in_progress: 'A request with this Idempotency-Key is still running',
  version_mismatch: 'The resource has changed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  appeal_window_closed: 'The appeal window has closed',
  refund_exceeds_balance: 'The refund exceeds the refundable balance',
  reopen_window_closed: 'The reopen window has closed',
  idempotency_key_reused: 'Idempotency-Key reused with a different request',
  amount_out_of_range: 'An amount is larger than Redress can hold',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  dependency_unavailable: 'A dependency is unavailable',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(code: ErrorCode, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `https://redress.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[code],
    status: ERROR_STATUS[code],
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}
