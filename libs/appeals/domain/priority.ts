export interface PriorityInput {
  automatedDecision: boolean;
  slaBreached: boolean;
  frozenAmountMinor: number;
  /** Its wave or its detector version is flagged: the detector is probably wrong. */
  flagged: boolean;
}

/** Frozen balances at or above this many minor units earn the full money weight. */
export const PRIORITY_FROZEN_CAP_MINOR = 100_000;

/**
 * 0–100, recomputed on every change. Weights favour people a machine banned, cases that are
 * late, money that is stuck, and waves or detector versions that look wrong.
 */
export function computePriority(input: PriorityInput): number {
  const frozen = Number.isFinite(input.frozenAmountMinor) ? Math.max(0, input.frozenAmountMinor) : 0;
  const moneyShare = Math.min(1, frozen / PRIORITY_FROZEN_CAP_MINOR);
  return Math.round(
    (input.automatedDecision ? 40 : 0) +
      (input.slaBreached ? 30 : 0) +
      20 * moneyShare +
      (input.flagged ? 10 : 0),
  );
}
