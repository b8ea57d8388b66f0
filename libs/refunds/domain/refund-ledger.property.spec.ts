import fc from 'fast-check';
import { DomainError, money } from '@redress/kernel';
import {
  assertNoNegativeBooks,
  Books,
  freezeEntry,
  LedgerEntryDraft,
  refundApprovedEntry,
  refundPaidEntry,
  releaseEntry,
} from '@redress/ledger';
import { refundTransition, RefundStatus, sumNonRejectedRefunds } from './refund-status';
import { assertRefundable, refundableAmount } from './refundable-amount';

/**
 * Drives random operation sequences on one suspension through the domain functions, the way the
 * use-cases do, next to a deliberately naive model. The model owns the expectations (which moves
 * are legal, which amounts fit); the domain must agree with it and the books must stay sound.
 */

type Op =
  | { kind: 'freeze' | 'release' | 'propose'; amount: number }
  | { kind: 'approve' | 'reject' | 'startPayout' | 'failPayout' | 'pay'; pick: number };

const TARGET: Record<Exclude<Op['kind'], 'freeze' | 'release' | 'propose'>, RefundStatus> = {
  approve: 'approved',
  reject: 'rejected',
  startPayout: 'processing',
  failPayout: 'failed',
  pay: 'paid',
};

// Written out again on purpose rather than imported: the test must not trust the table it checks.
const LEGAL = new Set([
  'proposed>approved',
  'proposed>rejected',
  'approved>processing',
  'processing>paid',
  'processing>failed',
  'failed>processing',
]);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('freeze' as const), amount: fc.integer({ min: -100, max: 5000 }) }),
  fc.record({ kind: fc.constant('release' as const), amount: fc.integer({ min: 0, max: 3000 }) }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('propose' as const),
      amount: fc.integer({ min: -10, max: 3000 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom('approve', 'reject', 'startPayout', 'failPayout', 'pay' as const),
      pick: fc.nat(),
    }),
  },
);

const ACCOUNT = 'acct_1';

interface ModelRefund {
  amount: number;
  status: RefundStatus;
  timesPaid: number;
}

/** Returns the refund statuses reached, so the suite can show the sequences were not trivial. */
function run(currency: string, ops: Op[]): Set<RefundStatus> {
  const books = new Books();
  const refunds: ModelRefund[] = [];
  let frozen = 0;
  let released = 0;
  const reached = new Set<RefundStatus>();

  const post = (entry: LedgerEntryDraft | null) => {
    if (!entry) return;
    invariant(
      entry.legs.reduce((sum, leg) => sum + leg.amountMinor, 0) === 0,
      `${entry.kind} does not balance`,
    );
    invariant(entry.currency === currency, `${entry.kind} is in ${entry.currency}`);
    books.apply(entry);
  };
  const nonRejected = () =>
    sumNonRejectedRefunds(refunds.map((r) => ({ status: r.status, amountMinor: r.amount })));
  const refundable = () =>
    refundableAmount({
      frozenMinor: frozen,
      releasedMinor: released,
      nonRejectedRefundsMinor: nonRejected(),
    });

  for (const op of ops) {
    switch (op.kind) {
      case 'freeze':
        if (op.amount < 0) {
          expect(() => freezeEntry(ACCOUNT, money(op.amount, currency))).toThrow(DomainError);
        } else {
          post(freezeEntry(ACCOUNT, money(op.amount, currency)));
          frozen += op.amount;
        }
        break;
      case 'release': {
        // A lift releases what is neither released nor claimed by a refund, never more.
        const amount = Math.min(op.amount, refundable());
        post(releaseEntry(ACCOUNT, money(amount, currency)));
        released += amount;
        break;
      }
      case 'propose': {
        const modelRoom =
          frozen -
          released -
          refunds.filter((r) => r.status !== 'rejected').reduce((s, r) => s + r.amount, 0);
        const expected =
          op.amount <= 0 ? 'validation_failed' : op.amount > modelRoom ? 'refund_exceeds_balance' : null;
        expect(codeOf(() => assertRefundable(op.amount, refundable()))).toBe(expected);
        if (expected === null) {
          refunds.push({ amount: op.amount, status: 'proposed', timesPaid: 0 });
          reached.add('proposed');
        }
        break;
      }
      default: {
        if (refunds.length === 0) break;
        const refund = refunds[op.pick % refunds.length];
        const to = TARGET[op.kind];
        const legal = LEGAL.has(`${refund.status}>${to}`);
        expect(codeOf(() => refundTransition(refund.status, to))).toBe(legal ? null : 'invalid_transition');
        if (!legal) break;
        refund.status = to;
        reached.add(to);
        if (to === 'approved') post(refundApprovedEntry(ACCOUNT, money(refund.amount, currency)));
        if (to === 'paid') {
          post(refundPaidEntry(ACCOUNT, money(refund.amount, currency)));
          refund.timesPaid += 1;
        }
      }
    }
    checkInvariants();
  }
  return reached;

  function checkInvariants(): void {
    const balance = (book: Parameters<Books['balance']>[0], account: string | null) =>
      books.balance(book, account, currency);
    const moved = (...statuses: RefundStatus[]) =>
      refunds.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + r.amount, 0);

    assertNoNegativeBooks(books);
    invariant(balance('customer_frozen', ACCOUNT) >= 0, 'customer_frozen went negative');
    invariant(balance('refund_payable', ACCOUNT) >= 0, 'refund_payable went negative');
    invariant(nonRejected() <= frozen - released, 'non-rejected refunds exceed frozen − released');
    invariant(
      refunds.every((r) => r.timesPaid <= 1),
      'a refund was paid twice',
    );
    // The books must also tell the same story as the model, not merely stay non-negative.
    invariant(
      balance('customer_frozen', ACCOUNT) ===
        frozen - released - moved('approved', 'processing', 'failed', 'paid'),
      'customer_frozen disagrees with the model',
    );
    invariant(
      balance('refund_payable', ACCOUNT) === moved('approved', 'processing', 'failed'),
      'refund_payable disagrees',
    );
    invariant(balance('paid_out', null) === moved('paid'), 'paid_out disagrees with the paid refunds');
    invariant(balance('platform_balance', null) === released - frozen, 'platform_balance disagrees');
  }
}

/** Plain throws instead of expect(): this runs tens of thousands of times per suite. */
function invariant(condition: boolean, message: string): void {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('refunds and ledger (property)', () => {
  it('keep every ledger and refund invariant under random operation sequences', () => {
    const reached = new Set<RefundStatus>();
    fc.assert(
      fc.property(
        fc.constantFrom('EUR', 'JPY', 'USD'),
        fc.array(opArb, { minLength: 1, maxLength: 80, size: 'medium' }),
        (currency, ops) => {
          run(currency, ops).forEach((s) => reached.add(s));
        },
      ),
      { numRuns: 300 },
    );
    // A property that never reached "paid" or "failed" would prove little.
    expect([...reached].sort()).toEqual(['approved', 'failed', 'paid', 'processing', 'proposed', 'rejected']);
  });
});
