import { money } from '@redress/kernel';
import { applyEntries, assertNoNegativeBooks, Books } from './books';
import { freezeEntry, refundApprovedEntry, refundPaidEntry, releaseEntry } from './ledger-entry';

describe('Books', () => {
  it('follows a balance from freeze through refund and release', () => {
    const books = new Books().apply(
      freezeEntry('a', money(1000, 'EUR')),
      refundApprovedEntry('a', money(600, 'EUR')),
      refundPaidEntry('a', money(600, 'EUR')),
      releaseEntry('a', money(400, 'EUR')),
    );
    expect(books.balance('customer_frozen', 'a', 'EUR')).toBe(0);
    expect(books.balance('refund_payable', 'a', 'EUR')).toBe(0);
    expect(books.balance('paid_out', null, 'EUR')).toBe(600);
    expect(books.balance('platform_balance', null, 'EUR')).toBe(-600);
    expect(books.toArray().reduce((s, b) => s + b.amountMinor, 0)).toBe(0);
  });

  it('keeps accounts and currencies apart', () => {
    const books = new Books().apply(
      freezeEntry('a', money(100, 'EUR')),
      freezeEntry('b', money(7, 'EUR')),
      freezeEntry('a', money(300, 'JPY')),
    );
    expect(books.balance('customer_frozen', 'a', 'EUR')).toBe(100);
    expect(books.balance('customer_frozen', 'b', 'EUR')).toBe(7);
    expect(books.balance('customer_frozen', 'a', 'JPY')).toBe(300);
    expect(books.balance('platform_balance', null, 'EUR')).toBe(-107);
  });

  it('applies a batch all or nothing', () => {
    const books = new Books();
    const broken = { ...freezeEntry('a', money(5, 'EUR'))!, currency: 'X' };
    expect(() => books.apply(freezeEntry('a', money(5, 'EUR')), broken)).toThrow();
    expect(books.toArray()).toEqual([]);
  });

  it('applyEntries is the same arithmetic over plain balances, without mutating them', () => {
    const start = applyEntries([], [freezeEntry('a', money(50, 'EUR'))]);
    const snapshot = structuredClone(start);
    const next = applyEntries(start, [releaseEntry('a', money(20, 'EUR')), null]);
    expect(start).toEqual(snapshot);
    expect(next).toEqual(
      expect.arrayContaining([
        { book: 'customer_frozen', accountId: 'a', currency: 'EUR', amountMinor: 30 },
        { book: 'platform_balance', accountId: null, currency: 'EUR', amountMinor: -30 },
      ]),
    );
  });
});

describe('assertNoNegativeBooks', () => {
  it('allows the system books to run negative', () => {
    expect(() => assertNoNegativeBooks(new Books().apply(freezeEntry('a', money(5, 'EUR'))))).not.toThrow();
  });

  it.each(['customer_frozen', 'refund_payable'] as const)('refuses a negative %s', (book) => {
    const entry =
      book === 'customer_frozen' ? releaseEntry('a', money(1, 'EUR')) : refundPaidEntry('a', money(1, 'EUR'));
    expect(() => assertNoNegativeBooks(new Books().apply(entry))).toThrow(
      `negative balance in ${book}[a] -1 EUR`,
    );
  });
});
