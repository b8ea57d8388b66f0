import { CURRENCY_MESSAGE, isCurrencyCode } from './currencies';
import { DomainError } from './domain-error';

/** Integer minor units in one ISO-4217 currency; never a float. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** The largest single amount taken: 10^12 minor units, ten billion of a currency with cents. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

/** The most an account may hold in one currency, so that every balance reads back exactly as a JS number. */
export const MAX_BALANCE_MINOR = Number.MAX_SAFE_INTEGER;

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new DomainError('validation_failed', 'amountMinor must be an integer');
  }
  const code = currency.toUpperCase();
  if (!isCurrencyCode(code)) throw new DomainError('validation_failed', `currency ${CURRENCY_MESSAGE}`);
  return { amountMinor, currency: code };
}

export function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new DomainError('validation_failed', `currency mismatch: ${a.currency} vs ${b.currency}`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}
