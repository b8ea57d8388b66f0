/** Stable machine codes, with the HTTP status each one maps to. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  four_eyes_required: 403,
  not_found: 404,
  appeal_already_exists: 409,
  suspension_not_active: 409,
  invalid_transition: 409,
  already_claimed: 409,
  external_ref_conflict: 409,
  evidence_limit_reached: 409,
  idempotency_request_in_progress: 409,
  version_mismatch: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  appeal_window_closed: 422,
  refund_exceeds_balance: 422,
  reopen_window_closed: 422,
  idempotency_key_reused: 422,
  amount_out_of_range: 422,
  rate_limited: 429,
  internal_error: 500,
  dependency_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  field: string;
  message: string;
}

/** Thrown by libs for every rule violation; the API maps it to problem+json, the worker logs it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what} not found`);
  }
}
