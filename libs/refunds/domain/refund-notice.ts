import type { AccountRecipient, EventOf, EventType, RefundSubject } from '@redress/kernel';
import type { Refund } from './refund';

export const REFUND_NOTICES = [
  'refund.approved',
  'refund.paid',
  'refund.failed',
] as const satisfies readonly EventType[];
export type RefundNotice = (typeof REFUND_NOTICES)[number];

/**
 * A refund notice: who hears it (taken from the suspension) and what the templates show — refundId,
 * suspensionId, amount, and the time or reference of the step.
 */
export function refundNotice(
  type: RefundNotice,
  refund: Refund,
  to: AccountRecipient,
): EventOf<RefundNotice> {
  const subject: RefundSubject = {
    accountId: to.accountId,
    accountEmail: to.accountEmail,
    locale: to.locale,
    refundId: refund.id,
    suspensionId: refund.suspensionId,
    ...(refund.appealId ? { appealId: refund.appealId } : {}),
    amount: { amountMinor: refund.amount.amountMinor, currency: refund.amount.currency },
  };
  switch (type) {
    case 'refund.approved':
      return { type, payload: { ...subject, approvedAt: stepTime(refund, refund.approvedAt) } };
    case 'refund.paid':
      return {
        type,
        payload: {
          ...subject,
          paidAt: stepTime(refund, refund.paidAt),
          ...(refund.providerRef ? { providerRef: refund.providerRef } : {}),
        },
      };
    case 'refund.failed':
      return {
        type,
        payload: { ...subject, ...(refund.failureReason ? { failureReason: refund.failureReason } : {}) },
      };
  }
}

/** The step's time is set by the change that sends the notice; without it the notice would be wrong. */
function stepTime(refund: Refund, at: Date | null): string {
  if (!at) throw new Error(`refund ${refund.id} has no time for its ${refund.status} notice`);
  return at.toISOString();
}
