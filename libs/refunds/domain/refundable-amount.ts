import { DomainError } from '@redress/kernel';

export interface RefundableInputs {
  frozenMinor: number;
  releasedMinor: number;
  nonRejectedRefundsMinor: number;
}

/**
 * What may still be proposed as a refund — and equally what may still be released, since both
 * draw on the same frozen balance. Clamped at zero: if the data ever says more left than was
 * frozen, the answer must be "nothing more", not a negative allowance.
 */
export function refundableAmount({
  frozenMinor,
  releasedMinor,
  nonRejectedRefundsMinor,
}: RefundableInputs): number {
  for (const [field, value] of Object.entries({ frozenMinor, releasedMinor, nonRejectedRefundsMinor })) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new DomainError('validation_failed', `${field} must be a non-negative integer`, [
        { field, message: 'must be a non-negative integer' },
      ]);
    }
  }
  return Math.max(0, frozenMinor - releasedMinor - nonRejectedRefundsMinor);
}

/**
 * Use-cases call this with the refundable amount read under a row lock on the suspension, so two
 * concurrent proposals cannot both pass against the same balance.
 */
export function assertRefundable(requestedMinor: number, refundable: number): void {
  if (!Number.isSafeInteger(requestedMinor) || requestedMinor <= 0) {
    throw new DomainError('validation_failed', 'refund amount must be a positive integer', [
      { field: 'amountMinor', message: 'must be a positive integer (minor units)' },
    ]);
  }
  if (requestedMinor > refundable) {
    throw new DomainError(
      'refund_exceeds_balance',
      `refund of ${requestedMinor} exceeds the refundable amount of ${refundable} (minor units)`,
    );
  }
}
