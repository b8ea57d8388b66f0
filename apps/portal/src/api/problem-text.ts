import { RedressProblem } from '@redress/sdk';
import type { Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings.en';

const KNOWN: Record<string, StringKey> = {
  validation_failed: 'problem.validation_failed',
  unauthenticated: 'problem.unauthenticated',
  forbidden: 'problem.not_found',
  not_found: 'problem.not_found',
  appeal_already_exists: 'problem.appeal_already_exists',
  suspension_not_active: 'problem.suspension_not_active',
  invalid_transition: 'problem.invalid_transition',
  evidence_limit_reached: 'problem.evidence_limit_reached',
  idempotency_request_in_progress: 'problem.in_progress',
  payload_too_large: 'problem.payload_too_large',
  unsupported_media_type: 'problem.unsupported_media_type',
  appeal_window_closed: 'problem.appeal_window_closed',
  rate_limited: 'problem.rate_limited',
  dependency_unavailable: 'problem.unavailable',
};

/** A refusal in plain words, in the page's language; the API's own detail is kept for what we do not know. */
export function problemText(error: unknown, t: Translate): string {
  if (!(error instanceof RedressProblem)) return t('problem.unknown');
  if (error.status === 0) return t('problem.offline');
  const key = KNOWN[error.code];
  if (key) return t(key);
  if (error.status >= 500) return t('problem.unavailable');
  return t('problem.other', { detail: error.problem.detail ?? error.code });
}
