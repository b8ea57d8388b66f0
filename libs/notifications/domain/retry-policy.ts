import { HOUR_MS } from '@redress/kernel';

export interface RetryPolicy {
  /** Attempts before a delivery is given up as dead (NOTIFY_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Delay before the second attempt (NOTIFY_BACKOFF_MS); each later one doubles it. */
  baseDelayMs: number;
}

/** However many attempts failed, a receiver is tried again at least every six hours. */
export const MAX_RETRY_DELAY_MS = 6 * HOUR_MS;

/**
 * Exponential backoff with "equal jitter": after n failed attempts wait half of base·2^(n−1) plus a random
 * share of the other half. The delay still doubles, and receivers that failed together (one outage) are not
 * hit again by every worker in the same millisecond.
 */
export function retryDelayMs(
  failedAttempts: number,
  baseDelayMs: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** Math.min(exponent, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export type AttemptResult = { status: 'sent' } | { status: 'failed'; retryInMs: number } | { status: 'dead' };

/** What the delivery log says after attempt number `attempts` (1-based) succeeded or failed. */
export function afterAttempt(
  attempts: number,
  succeeded: boolean,
  policy: RetryPolicy,
  random: () => number = Math.random,
): AttemptResult {
  if (succeeded) return { status: 'sent' };
  if (attempts >= policy.maxAttempts) return { status: 'dead' };
  return { status: 'failed', retryInMs: retryDelayMs(attempts, policy.baseDelayMs, random) };
}
