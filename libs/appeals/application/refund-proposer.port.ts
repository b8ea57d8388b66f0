import type { Tx } from '@redress/database';
import type { Actor, Money } from '@redress/kernel';

/**
 * A decision may propose a refund in its own transaction (SPEC §4). Refunds depend on appeals, not the
 * other way round, so the refunds lib provides this port under REFUND_PROPOSER.
 */
export interface RefundProposer {
  proposeLocked(
    tx: Tx,
    actor: Actor,
    input: { suspensionId: string; appealId?: string; amountMinor: number; reason: string },
  ): Promise<{ id: string; amount: Money }>;
}

export const REFUND_PROPOSER = Symbol('REFUND_PROPOSER');
