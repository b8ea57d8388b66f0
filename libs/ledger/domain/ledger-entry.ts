import { DomainError, Money } from '@redress/kernel';

/**
 * Sign convention: a posting's `amountMinor` is what the book gains. Positive = money arrives in
 * the book, negative = money leaves it, and a balanced entry's legs sum to zero. We avoid
 * "debit/credit" on purpose: the books mix the platform's and the customer's side, and the
 * arrow "platform_balance → customer_frozen" reads directly as −from / +to.
 *
 * Consequences worth knowing: `platform_balance` runs negative (it is the counter-book for
 * everything Redress holds), `paid_out` only grows, and the sum over all books is always zero.
 */
export const ACCOUNT_BOOKS = ['customer_frozen', 'refund_payable'] as const;
export const SYSTEM_BOOKS = ['platform_balance', 'paid_out'] as const;
export const BOOKS = [...ACCOUNT_BOOKS, ...SYSTEM_BOOKS] as const;

export type AccountBook = (typeof ACCOUNT_BOOKS)[number];
export type SystemBook = (typeof SYSTEM_BOOKS)[number];
export type BookName = AccountBook | SystemBook;

export const LEDGER_ENTRY_KINDS = ['freeze', 'release', 'refund_approved', 'refund_paid'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export interface Posting {
  book: BookName;
  /** Set for per-account books, null for the system-wide ones. */
  accountId: string | null;
  amountMinor: number;
}

export interface LedgerEntryDraft {
  kind: LedgerEntryKind;
  currency: string;
  legs: Posting[];
}

export const isAccountBook = (book: BookName): book is AccountBook =>
  (ACCOUNT_BOOKS as readonly string[]).includes(book);

/** Suspension with a frozen balance: the prepaid balance leaves billing and is held for the account. */
export const freezeEntry = (accountId: string, amount: Money) =>
  transfer('freeze', 'platform_balance', 'customer_frozen', accountId, amount);

/** Lifted, overturned or modified: the held balance goes back to the account in billing. */
export const releaseEntry = (accountId: string, amount: Money) =>
  transfer('release', 'customer_frozen', 'platform_balance', accountId, amount);

/** Finance approved a refund: the amount is owed to the person, no longer merely held. */
export const refundApprovedEntry = (accountId: string, amount: Money) =>
  transfer('refund_approved', 'customer_frozen', 'refund_payable', accountId, amount);

/** The payout provider confirmed the money left the platform. */
export const refundPaidEntry = (accountId: string, amount: Money) =>
  transfer('refund_paid', 'refund_payable', 'paid_out', accountId, amount);

/**
 * Zero yields null rather than an entry because a suspension without a balance must leave no
 * trace in the ledger, and callers can pass the result straight to `Books.apply`.
 */
function transfer(
  kind: LedgerEntryKind,
  from: BookName,
  to: BookName,
  accountId: string,
  amount: Money,
): LedgerEntryDraft | null {
  if (typeof accountId !== 'string' || accountId.trim() === '') {
    throw new DomainError('validation_failed', 'accountId is required for a ledger entry');
  }
  if (!Number.isSafeInteger(amount.amountMinor)) {
    throw new DomainError('validation_failed', 'amountMinor must be an integer');
  }
  if (amount.amountMinor < 0) {
    throw new DomainError('validation_failed', `a ${kind} entry cannot move a negative amount`);
  }
  if (amount.amountMinor === 0) return null;
  const currency = normaliseCurrency(amount.currency);
  const leg = (book: BookName, amountMinor: number): Posting => ({
    book,
    accountId: isAccountBook(book) ? accountId : null,
    amountMinor,
  });
  return { kind, currency, legs: [leg(from, -amount.amountMinor), leg(to, amount.amountMinor)] };
}

function normaliseCurrency(currency: string): string {
  const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code)) throw new DomainError('validation_failed', `invalid currency: ${currency}`);
  return code;
}

/**
 * The builders cannot produce a bad entry, so a failure here means a bug or tampered data, never
 * user input: hence internal_error (500), not validation_failed.
 */
export function assertBalanced(entry: LedgerEntryDraft): void {
  const problem = unbalancedReason(entry);
  if (problem) throw new DomainError('internal_error', `ledger entry ${entry.kind} rejected: ${problem}`);
}

function unbalancedReason(entry: LedgerEntryDraft): string | null {
  if (!(LEDGER_ENTRY_KINDS as readonly string[]).includes(entry.kind))
    return `unknown kind ${String(entry.kind)}`;
  if (typeof entry.currency !== 'string' || !/^[A-Z]{3}$/.test(entry.currency)) {
    return `currency must be one ISO-4217 code, got ${String(entry.currency)}`;
  }
  if (!Array.isArray(entry.legs) || entry.legs.length < 2) return 'needs at least two legs';
  let sum = 0n;
  for (const leg of entry.legs) {
    if (!(BOOKS as readonly string[]).includes(leg.book)) return `unknown book ${String(leg.book)}`;
    if (isAccountBook(leg.book) !== (typeof leg.accountId === 'string' && leg.accountId !== '')) {
      return `${leg.book} ${isAccountBook(leg.book) ? 'needs' : 'must not have'} an accountId`;
    }
    if (!Number.isSafeInteger(leg.amountMinor) || leg.amountMinor === 0) {
      return `leg amounts must be non-zero integers, got ${leg.amountMinor}`;
    }
    // BigInt so that several large legs cannot round their way to a false zero.
    sum += BigInt(leg.amountMinor);
  }
  return sum === 0n ? null : `legs sum to ${sum}, not 0`;
}
