import { MAX_AMOUNT_MINOR, MAX_BALANCE_MINOR, type FieldError } from '@redress/kernel';
import type { Suspension } from './suspension';

/** What an account holds in one currency is keyed by both; JSON keeps any account id unambiguous. */
export const holdingKey = (accountId: string, currency: string): string =>
  JSON.stringify([accountId, currency]);

/**
 * The frozen balances that cannot be held, as field errors: one over MAX_AMOUNT_MINOR, and, in order,
 * each that takes what its account holds in that currency (`held`, by holdingKey) past MAX_BALANCE_MINOR.
 */
export function frozenAmountProblems<S extends Pick<Suspension, 'accountId' | 'frozenBalance'>>(
  suspensions: readonly S[],
  held: ReadonlyMap<string, number>,
  fieldOf: (suspension: S) => string,
): FieldError[] {
  const totals = new Map(held);
  const problems: FieldError[] = [];
  for (const suspension of suspensions) {
    const { amountMinor, currency } = suspension.frozenBalance;
    if (amountMinor > MAX_AMOUNT_MINOR) {
      problems.push({ field: fieldOf(suspension), message: `must be at most ${MAX_AMOUNT_MINOR}` });
      continue;
    }
    const key = holdingKey(suspension.accountId, currency);
    const total = (totals.get(key) ?? 0) + amountMinor;
    if (total > MAX_BALANCE_MINOR) {
      problems.push({
        field: fieldOf(suspension),
        message: `would take what the account holds in ${currency} past ${MAX_BALANCE_MINOR} minor units`,
      });
      continue;
    }
    totals.set(key, total);
  }
  return problems;
}
