import type { Refund } from './refund';

export const REFUND_NOTICES = ['refund.approved', 'refund.paid', 'refund.failed'] as const;
export type RefundNotice = (typeof REFUND_NOTICES)[number];

/** The worker's cue to pay an approved (or retried) refund; it never reaches a person. */
export const PAYOUT_REQUESTED = 'refund.payout_requested';

export interface RefundRecipient {
  accountId: string;
  accountEmail: string;
  locale: string;
}

/**
 * The outbox payload of a refund notice: who hears it (taken from the suspension) and the template data
 * of libs/notifications (refundId, suspensionId, amount, and the time or reference of the step).
 */
export function refundNoticePayload(
  type: RefundNotice,
  refund: Refund,
  to: RefundRecipient,
): Record<string, unknown> {
  const base = {
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
      return { ...base, approvedAt: refund.approvedAt?.toISOString() };
    case 'refund.paid':
      return {
        ...base,
        paidAt: refund.paidAt?.toISOString(),
        ...(refund.providerRef ? { providerRef: refund.providerRef } : {}),
      };
    case 'refund.failed':
      return { ...base, ...(refund.failureReason ? { failureReason: refund.failureReason } : {}) };
  }
}
