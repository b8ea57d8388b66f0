import type { Refund } from '../domain/refund';

/** Column list shared by every refund read, so row mapping has one shape. */
export const REFUND_COLUMNS = `r.id, r.suspension_id, r.appeal_id, r.account_id, r.amount_minor, r.currency, r.status, r.reason,
  r.proposed_by, r.approved_by, r.rejected_by, r.rejection_reason, r.provider_ref, r.failure_reason, r.created_at,
  r.approved_at, r.paid_at, r.updated_at, r.version`;

export interface RefundRow {
  id: string;
  suspension_id: string;
  appeal_id: string | null;
  account_id: string;
  /** bigint: pg's string */
  amount_minor: string;
  currency: string;
  status: Refund['status'];
  reason: string;
  proposed_by: string;
  approved_by: string | null;
  rejected_by: string | null;
  rejection_reason: string | null;
  provider_ref: string | null;
  failure_reason: string | null;
  created_at: Date;
  approved_at: Date | null;
  paid_at: Date | null;
  updated_at: Date;
  version: number;
}

export function toRefund(r: RefundRow): Refund {
  return {
    id: r.id,
    suspensionId: r.suspension_id,
    appealId: r.appeal_id,
    accountId: r.account_id,
    amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
    status: r.status,
    reason: r.reason,
    proposedBy: r.proposed_by,
    approvedBy: r.approved_by,
    rejectedBy: r.rejected_by,
    rejectionReason: r.rejection_reason,
    providerRef: r.provider_ref,
    failureReason: r.failure_reason,
    createdAt: r.created_at,
    approvedAt: r.approved_at,
    paidAt: r.paid_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
