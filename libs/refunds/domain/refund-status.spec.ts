import { DomainError } from '@redress/kernel';
import { REFUND_STATUSES, RefundStatus, refundTransition, sumNonRejectedRefunds } from './refund-status';

const ALLOWED = new Set([
  'proposed>approved',
  'proposed>rejected',
  'approved>processing',
  'processing>paid',
  'processing>failed',
  'failed>processing',
]);

const pairs = REFUND_STATUSES.flatMap((from) =>
  REFUND_STATUSES.map((to) => [from, to] as [RefundStatus, RefundStatus]),
);

describe('refundTransition', () => {
  it.each(pairs.filter(([f, t]) => ALLOWED.has(`${f}>${t}`)))('allows %s → %s', (from, to) => {
    expect(refundTransition(from, to)).toBe(to);
  });

  it.each(pairs.filter(([f, t]) => !ALLOWED.has(`${f}>${t}`)))('refuses %s → %s', (from, to) => {
    let error: unknown;
    try {
      refundTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_transition');
    expect((error as DomainError).message).toContain(`refund is ${from}`);
  });
});

describe('sumNonRejectedRefunds', () => {
  it('counts every refund but the rejected ones', () => {
    const refunds = REFUND_STATUSES.map((status, i) => ({ status, amountMinor: 10 ** i }));
    expect(sumNonRejectedRefunds(refunds)).toBe(111_111 - 10_000);
  });
});
