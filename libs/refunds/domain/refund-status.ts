import { DomainError } from '@redress/kernel';

export const REFUND_STATUSES = ['proposed', 'approved', 'processing', 'paid', 'rejected', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * `paid` and `rejected` are terminal, which is what makes "paid at most once" hold:
 * there is no edge back into `paid`. `failed → processing` is the payout retry.
 */
export const REFUND_TRANSITIONS: Readonly<Record<RefundStatus, readonly RefundStatus[]>> = {
  proposed: ['approved', 'rejected'],
  approved: ['processing'],
  processing: ['paid', 'failed'],
  failed: ['processing'],
  paid: [],
  rejected: [],
};

export function canTransitionRefund(from: RefundStatus, to: RefundStatus): boolean {
  return REFUND_TRANSITIONS[from]?.includes(to) ?? false;
}

/** Returns the new status, or throws the 409 the API answers with for a stale or illegal move. */
export function refundTransition(from: RefundStatus, to: RefundStatus): RefundStatus {
  if (!canTransitionRefund(from, to)) {
    throw new DomainError('invalid_transition', `refund is ${from}; it cannot become ${to}`);
  }
  return to;
}

/** Every refund except a rejected one still claims part of the frozen balance. */
export const claimsBalance = (status: RefundStatus): boolean => status !== 'rejected';

export function sumNonRejectedRefunds(
  refunds: Iterable<{ status: RefundStatus; amountMinor: number }>,
): number {
  let sum = 0;
  for (const r of refunds) if (claimsBalance(r.status)) sum += r.amountMinor;
  return sum;
}
