import { DomainError } from '@redress/kernel';
import { assertRefundable, refundableAmount } from './refundable-amount';

const codeOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('refundableAmount', () => {
  it('is the frozen balance minus releases and non-rejected refunds', () => {
    expect(refundableAmount({ frozenMinor: 1000, releasedMinor: 100, nonRejectedRefundsMinor: 250 })).toBe(
      650,
    );
  });

  it('never goes below zero', () => {
    expect(refundableAmount({ frozenMinor: 100, releasedMinor: 80, nonRejectedRefundsMinor: 80 })).toBe(0);
  });

  it('refuses negative or fractional inputs', () => {
    expect(
      codeOf(() => refundableAmount({ frozenMinor: -1, releasedMinor: 0, nonRejectedRefundsMinor: 0 })),
    ).toBe('validation_failed');
    expect(
      codeOf(() => refundableAmount({ frozenMinor: 1, releasedMinor: 0.5, nonRejectedRefundsMinor: 0 })),
    ).toBe('validation_failed');
  });
});

describe('assertRefundable', () => {
  it('accepts up to and including the refundable amount', () => {
    expect(codeOf(() => assertRefundable(1, 650))).toBeNull();
    expect(codeOf(() => assertRefundable(650, 650))).toBeNull();
  });

  it('answers refund_exceeds_balance above it', () => {
    expect(codeOf(() => assertRefundable(651, 650))).toBe('refund_exceeds_balance');
    expect(() => assertRefundable(651, 650)).toThrow('651 exceeds the refundable amount of 650');
    expect(codeOf(() => assertRefundable(1, 0))).toBe('refund_exceeds_balance');
  });

  it.each([0, -5, 1.5, Number.NaN])('answers validation_failed for %p', (amount) => {
    expect(codeOf(() => assertRefundable(amount, 650))).toBe('validation_failed');
  });
});
