import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';

/**
 * What refunds claim of a suspension's frozen balance, which a lift leaves frozen. Refunds build on
 * suspensions, not the other way round: the refunds lib plugs its implementation into RefundClaimsSlot,
 * which SuspensionsModule provides under REFUND_CLAIMS (no module needs to be global for it).
 */
export interface RefundClaims {
  /** Every refund but a rejected one claims its amount, in the caller's transaction. */
  claimedMinor(tx: Tx, suspensionId: string): Promise<number>;
}

export const REFUND_CLAIMS = Symbol('REFUND_CLAIMS');

/** REFUND_CLAIMS as this lib sees it: whatever RefundsModule plugged in when the app started. */
@Injectable()
export class RefundClaimsSlot implements RefundClaims {
  private claims?: RefundClaims;

  plug(claims: RefundClaims): void {
    this.claims = claims;
  }

  claimedMinor(tx: Tx, suspensionId: string): Promise<number> {
    // a module without the refunds lib boots (a test's); every app has it, and a lift needs it
    if (!this.claims) throw new Error('no REFUND_CLAIMS provider: import RefundsModule to lift');
    return this.claims.claimedMinor(tx, suspensionId);
  }
}
