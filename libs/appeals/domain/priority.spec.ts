import { computePriority, type PriorityInput } from './priority';

const base: PriorityInput = {
  automatedDecision: false,
  slaBreached: false,
  frozenAmountMinor: 0,
  flagged: false,
};

describe('computePriority', () => {
  it('is 0 with nothing pressing and 100 with everything', () => {
    expect(computePriority(base)).toBe(0);
    expect(
      computePriority({
        automatedDecision: true,
        slaBreached: true,
        frozenAmountMinor: 100_000,
        flagged: true,
      }),
    ).toBe(100);
  });

  it.each([
    [{ automatedDecision: true }, 40],
    [{ slaBreached: true }, 30],
    [{ flagged: true }, 10],
    [{ frozenAmountMinor: 50_000 }, 10],
    [{ frozenAmountMinor: 100_000 }, 20],
    [{ frozenAmountMinor: 5_000_000 }, 20],
  ])('weighs %j as %d', (partial, expected) => {
    expect(computePriority({ ...base, ...partial })).toBe(expected);
  });

  it('rounds the money share to an integer, half up', () => {
    expect(computePriority({ ...base, frozenAmountMinor: 2_499 })).toBe(0); // 0.4998
    expect(computePriority({ ...base, frozenAmountMinor: 2_500 })).toBe(1); // 0.5
    expect(computePriority({ ...base, frozenAmountMinor: 12_345 })).toBe(2); // 2.469
    expect(computePriority({ ...base, automatedDecision: true, frozenAmountMinor: 77_777 })).toBe(56); // 55.55
  });

  it('treats negative or non-finite amounts as nothing frozen', () => {
    expect(computePriority({ ...base, frozenAmountMinor: -500_000 })).toBe(0);
    expect(computePriority({ ...base, frozenAmountMinor: Number.NaN })).toBe(0);
    expect(computePriority({ ...base, frozenAmountMinor: Number.POSITIVE_INFINITY })).toBe(0);
  });
});
