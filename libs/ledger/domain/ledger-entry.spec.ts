import { DomainError, money } from '@redress/kernel';
import {
  assertBalanced,
  freezeEntry,
  LedgerEntryDraft,
  refundApprovedEntry,
  refundPaidEntry,
  releaseEntry,
} from './ledger-entry';

const eur = (minor: number) => money(minor, 'EUR');

describe('ledger entry builders', () => {
  it.each([
    ['freeze', freezeEntry, 'platform_balance', null, 'customer_frozen', 'acct_1'],
    ['release', releaseEntry, 'customer_frozen', 'acct_1', 'platform_balance', null],
    ['refund_approved', refundApprovedEntry, 'customer_frozen', 'acct_1', 'refund_payable', 'acct_1'],
    ['refund_paid', refundPaidEntry, 'refund_payable', 'acct_1', 'paid_out', null],
  ] as const)('%s moves money from %s to %s', (kind, build, from, fromAccount, to, toAccount) => {
    const entry = build('acct_1', eur(2500));
    expect(entry).toEqual({
      kind,
      currency: 'EUR',
      legs: [
        { book: from, accountId: fromAccount, amountMinor: -2500 },
        { book: to, accountId: toAccount, amountMinor: 2500 },
      ],
    });
    expect(() => assertBalanced(entry!)).not.toThrow();
  });

  it('returns null for a zero amount, so an empty balance leaves no trace', () => {
    expect(freezeEntry('acct_1', eur(0))).toBeNull();
    expect(refundPaidEntry('acct_1', eur(0))).toBeNull();
  });

  it('refuses negative and fractional amounts, missing accounts and bad currencies', () => {
    expect(() => releaseEntry('acct_1', eur(-1))).toThrow('negative');
    expect(() => freezeEntry('acct_1', { amountMinor: 1.5, currency: 'EUR' })).toThrow('integer');
    expect(() => freezeEntry('', eur(1))).toThrow('accountId');
    expect(() => freezeEntry('acct_1', { amountMinor: 1, currency: 'euro' })).toThrow('currency');
    expect(freezeEntry('acct_1', { amountMinor: 1, currency: 'usd' })?.currency).toBe('USD');
  });
});

describe('assertBalanced', () => {
  const base = (): LedgerEntryDraft => freezeEntry('acct_1', eur(100))!;
  const code = (entry: LedgerEntryDraft) => {
    try {
      assertBalanced(entry);
      return null;
    } catch (e) {
      return e instanceof DomainError ? e.code : 'not a DomainError';
    }
  };

  it('rejects legs that do not sum to zero', () => {
    const entry = base();
    entry.legs[1].amountMinor = 99;
    expect(() => assertBalanced(entry)).toThrow('legs sum to -1');
    expect(code(entry)).toBe('internal_error');
  });

  it('rejects a sum that only looks like zero in floating point', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const entry: LedgerEntryDraft = {
      kind: 'freeze',
      currency: 'EUR',
      legs: [
        { book: 'platform_balance', accountId: null, amountMinor: -big },
        { book: 'platform_balance', accountId: null, amountMinor: -big },
        { book: 'customer_frozen', accountId: 'a', amountMinor: big },
        { book: 'customer_frozen', accountId: 'a', amountMinor: big - 1 },
      ],
    };
    expect(code(entry)).toBe('internal_error');
  });

  it.each<[string, (e: LedgerEntryDraft) => void]>([
    ['a single leg', (e) => e.legs.pop()],
    [
      'fractional legs',
      (e) => {
        e.legs[0].amountMinor = -0.5;
        e.legs[1].amountMinor = 0.5;
      },
    ],
    ['a zero leg', (e) => e.legs.push({ book: 'paid_out', accountId: null, amountMinor: 0 })],
    ['a lowercase currency', (e) => (e.currency = 'eur')],
    ['an account book without account', (e) => (e.legs[1].accountId = null)],
    ['a system book with an account', (e) => (e.legs[0].accountId = 'acct_1')],
    ['an unknown book', (e) => (e.legs[0].book = 'petty_cash' as never)],
  ])('rejects %s', (_, mutate) => {
    const entry = base();
    mutate(entry);
    expect(code(entry)).toBe('internal_error');
  });
});
