import type { Money } from '@redress/kernel';
import type { RefundStatus } from './refund-status';

/** A refund. `amount` is in the suspension's currency; a refund never changes amount or account. */
export interface Refund {
  id: string;
  suspensionId: string;
  appealId: string | null;
  accountId: string;
  amount: Money;
  status: RefundStatus;
  reason: string;
  proposedBy: string;
  approvedBy: string | null;
  rejectedBy: string | null;
  rejectionReason: string | null;
  providerRef: string | null;
  failureReason: string | null;
  createdAt: Date;
  approvedAt: Date | null;
  paidAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** What a reviewer proposes, alone or with an appeal decision. */
export interface RefundProposal {
  suspensionId: string;
  appealId?: string | null;
  amountMinor: number;
  reason: string;
}
