import { DomainError } from '@redress/kernel';
import { AccountBook, ACCOUNT_BOOKS, assertBalanced, BookName, LedgerEntryDraft } from './ledger-entry';

export interface BookBalance {
  book: BookName;
  accountId: string | null;
  currency: string;
  amountMinor: number;
}

/**
 * Balances per (book, accountId, currency), computed from entries. The database is the real
 * ledger; this is the same arithmetic in memory, for tests, reconciliation checks and the
 * property test that guards the ledger's invariants.
 */
export class Books implements Iterable<BookBalance> {
  private readonly balances = new Map<string, BookBalance>();

  constructor(initial: Iterable<BookBalance> = []) {
    for (const b of initial) this.add(b.book, b.accountId, b.currency, b.amountMinor);
  }

  /** All or nothing: every entry is checked before any is applied. Nulls (zero amounts) are skipped. */
  apply(...entries: readonly (LedgerEntryDraft | null)[]): this {
    const real = entries.filter((e): e is LedgerEntryDraft => e !== null);
    real.forEach(assertBalanced);
    for (const entry of real) {
      for (const leg of entry.legs) this.add(leg.book, leg.accountId, entry.currency, leg.amountMinor);
    }
    return this;
  }

  balance(book: BookName, accountId: string | null, currency: string): number {
    return this.balances.get(keyOf(book, accountId, currency))?.amountMinor ?? 0;
  }

  toArray(): BookBalance[] {
    return [...this.balances.values()].map((b) => ({ ...b }));
  }

  [Symbol.iterator](): Iterator<BookBalance> {
    return this.toArray()[Symbol.iterator]();
  }

  private add(book: BookName, accountId: string | null, currency: string, amountMinor: number): void {
    const key = keyOf(book, accountId, currency);
    const current = this.balances.get(key);
    const next = (current?.amountMinor ?? 0) + amountMinor;
    if (!Number.isSafeInteger(next)) {
      throw new DomainError('internal_error', `balance of ${book} overflows the safe integer range`);
    }
    this.balances.set(key, { book, accountId, currency, amountMinor: next });
  }
}

/** JSON keeps the key unambiguous whatever characters an account id contains. */
const keyOf = (book: BookName, accountId: string | null, currency: string) =>
  JSON.stringify([book, accountId, currency]);

export function applyEntries(
  balances: Iterable<BookBalance>,
  entries: readonly (LedgerEntryDraft | null)[],
): BookBalance[] {
  return new Books(balances).apply(...entries).toArray();
}

/** Money held for or owed to a person can never be negative; the system books may be. */
export const NON_NEGATIVE_BOOKS: readonly AccountBook[] = ACCOUNT_BOOKS;

export function assertNoNegativeBooks(balances: Iterable<BookBalance>): void {
  const negative = [...balances].filter(
    (b) => (NON_NEGATIVE_BOOKS as readonly string[]).includes(b.book) && b.amountMinor < 0,
  );
  if (negative.length > 0) {
    const list = negative.map((b) => `${b.book}[${b.accountId}] ${b.amountMinor} ${b.currency}`).join(', ');
    throw new DomainError('internal_error', `negative balance in ${list}`);
  }
}
