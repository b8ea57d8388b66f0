import type { Refund } from '../domain/refund';
import type { RefundEntity } from './refund.entity';

export function toRefund(e: RefundEntity): Refund {
  return {
    id: e.id,
    suspensionId: e.suspensionId,
    appealId: e.appealId,
    accountId: e.accountId,
    amount: { amountMinor: e.amountMinor, currency: e.currency },
    status: e.status,
    reason: e.reason,
    proposedBy: e.proposedBy,
    approvedBy: e.approvedBy,
    rejectedBy: e.rejectedBy,
    rejectionReason: e.rejectionReason,
    providerRef: e.providerRef,
    failureReason: e.failureReason,
    createdAt: e.createdAt,
    approvedAt: e.approvedAt,
    paidAt: e.paidAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}
