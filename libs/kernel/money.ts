import { CURRENCY_MESSAGE, isCurrencyCode } from './currencies';
import { DomainError } from './domain-error';

/** Integer minor units in one ISO-4217 currency; never a float. */
export interface Money {
  amountMinor: number;
  currency: string;
}

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
