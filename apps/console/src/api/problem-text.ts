import { RedressProblem } from '@redress/sdk';
import type { StringKey } from '../i18n/strings.en';
import type { Translate } from '../i18n/i18n';

const BY_CODE: Partial<Record<string, StringKey>> = {
  version_mismatch: 'problem.version_mismatch',
  invalid_transition: 'problem.invalid_transition',
  already_claimed: 'problem.already_claimed',
  four_eyes_required: 'problem.four_eyes_required',
  forbidden: 'problem.forbidden',
  not_found: 'problem.not_found',
  unauthenticated: 'problem.unauthenticated',
  validation_failed: 'problem.validation_failed',
  refund_exceeds_balance: 'problem.refund_exceeds_balance',
  reopen_window_closed: 'problem.reopen_window_closed',
  rate_limited: 'problem.rate_limited',
  dependency_unavailable: 'problem.dependency_unavailable',
  idempotency_request_in_progress: 'problem.in_progress',
};

/** A refusal in plain words, with the server's own detail for the specifics. */
export function explainProblem(error: unknown, t: Translate): string {
  if (!(error instanceof RedressProblem)) return t('problem.network');
  const key = BY_CODE[error.code];
  const summary = key ? t(key) : t('problem.generic', { status: error.status });
  const fields = error.problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  const detail = fields || error.problem.detail;
  return detail ? `${summary} (${detail})` : summary;
}

/** 409 and 412: the case moved under the user; the page should reload what is current. */
export const isConflict = (error: unknown): boolean =>
  error instanceof RedressProblem && (error.status === 409 || error.status === 412);
