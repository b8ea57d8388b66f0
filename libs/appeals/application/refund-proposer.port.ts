import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { DomainError, type Actor, type Money } from '@redress/kernel';

/**
 * A decision may propose a refund in its own transaction. Refunds depend on appeals, not the
 * other way round: the refunds lib plugs its implementation into RefundProposerSlot, which AppealsModule
 * provides under REFUND_PROPOSER (no module needs to be global for it).
 */
export interface RefundProposer {
  proposeLocked(
    tx: Tx,
    actor: Actor,
    input: { suspensionId: string; appealId?: string; amountMinor: number; reason: string },
  ): Promise<{ id: string; amount: Money }>;
}

export const REFUND_PROPOSER = Symbol('REFUND_PROPOSER');

/** REFUND_PROPOSER as this lib sees it: whatever RefundsModule plugged in when the app started. */
@Injectable()
export class RefundProposerSlot implements RefundProposer {
  private proposer?: RefundProposer;

  plug(proposer: RefundProposer): void {
    this.proposer = proposer;
  }

  proposeLocked(
    ...args: Parameters<RefundProposer['proposeLocked']>
  ): Promise<{ id: string; amount: Money }> {
    if (!this.proposer) throw new DomainError('validation_failed', 'Refund proposals are not available');
    return this.proposer.proposeLocked(...args);
  }
}
