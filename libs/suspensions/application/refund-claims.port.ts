import type { Tx } from '@redress/database';

/**
 * What refunds claim of a suspension's frozen balance, which a lift leaves frozen. Refunds build on
 * suspensions, not the other way round, so the refunds lib provides this port under REFUND_CLAIMS.
 */
export interface RefundClaims {
  /** Every refund but a rejected one claims its amount, in the caller's transaction. */
  claimedMinor(tx: Tx, suspensionId: string): Promise<number>;
}

export const REFUND_CLAIMS = Symbol('REFUND_CLAIMS');
