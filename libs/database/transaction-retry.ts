import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientConflict } from './pg-errors';

export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  /** The cap of the first wait; each further wait's cap doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Four runs within about a third of a second: enough for the transaction that won to commit. */
export const TRANSACTION_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 20, maxDelayMs: 200 };

/**
 * "Full jitter": a random wait below an exponentially growing cap, so that the transactions that
 * collided do not meet again in step.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(random() * cap);
}

export interface RetryHooks {
  wait?: (ms: number) => Promise<unknown>;
  random?: () => number;
  onRetry?: (error: unknown, failedAttempt: number) => void;
}

/**
 * Runs `transaction` again after a deadlock or serialization failure, at most `policy.attempts`
 * times in all; any other error, and the last attempt's, is the caller's. `transaction` must be a
 * whole transaction: such an error means PostgreSQL rolled it back, never that anything committed.
 */
export async function withTransactionRetry<T>(
  transaction: () => Promise<T>,
  policy: RetryPolicy = TRANSACTION_RETRY,
  { wait = sleep, random = Math.random, onRetry }: RetryHooks = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransientConflict(error)) throw error;
      onRetry?.(error, attempt);
      await wait(retryDelayMs(policy, attempt, random));
    }
  }
}
