import {
  assertVisible,
  can,
  DomainError,
  type Actor,
  type AppealOrigin,
  type DecisionOutcome,
} from '@redress/kernel';
import type { AppealLevel, AppealStatus } from './appeal-state-machine';

export const REQUESTED_REMEDIES = ['reinstate', 'refund_only', 'reinstate_or_refund'] as const;
export type RequestedRemedy = (typeof REQUESTED_REMEDIES)[number];

export { APPEAL_ORIGINS, DECISION_OUTCOMES, type AppealOrigin, type DecisionOutcome } from '@redress/kernel';

export interface AppealDecision {
  outcome: DecisionOutcome;
  rationale: string;
  decidedBy: string;
  decidedAt: Date;
}

export interface Appeal {
  id: string;
  suspensionId: string;
  accountId: string;
  /** Filed by the person, or opened by a sampled review of the detector (a sample case). */
  origin: AppealOrigin;
  status: AppealStatus;
  level: AppealLevel;
  statement: string;
  requestedRemedy: RequestedRemedy;
  assigneeId: string | null;
  priority: number;
  reasonCode: string;
  waveId: string | null;
  submittedAt: Date;
  infoDueAt: Date | null;
  infoRemindedAt: Date | null;
  decisionDueAt: Date;
  clockPausedAt: Date | null;
  slaBreached: boolean;
  decision: AppealDecision | null;
  updatedAt: Date;
  version: number;
}

export interface AppealMessage {
  id: string;
  appealId: string;
  authorRole: 'appellant' | 'reviewer' | 'senior_reviewer' | 'system';
  authorId: string;
  body: string;
  internal: boolean;
  createdAt: Date;
}

/** Decisions that give the account back: the suspension is lifted and the balance released. */
export const liftsSuspension = (outcome: DecisionOutcome): boolean => outcome !== 'upheld';

/**
 * A sample case is staff work about someone who never appealed: appellants see only the appeals they
 * filed (a sample case is "not found" to them, like anybody else's), staff see every case.
 */
export function assertSeesAppeal<T extends { accountId: string; origin: AppealOrigin }>(
  actor: Actor,
  found: T | null | undefined,
): T {
  if (found && found.origin === 'sample' && !can(actor, 'appeal.read_any'))
    throw DomainError.notFound('Appeal');
  return assertVisible(actor, found, 'appeal.read_any', 'Appeal');
}

/** The statement a sample case carries in place of the person's own (no person wrote it). */
export const sampleStatement = (detector: { name: string; version: string }): string =>
  `Sampled review of detector ${detector.name} ${detector.version}: this suspension was drawn at random ` +
  'from those nobody appealed, to measure how often the detector is wrong. Decide it as if it were appealed.';

/** A decision tells the person about an appeal they filed always, about a sample case only when it found the suspension wrong. */
export const decisionNotifies = (appeal: Pick<Appeal, 'origin'>, outcome: DecisionOutcome): boolean =>
  appeal.origin === 'appellant' || liftsSuspension(outcome);

/** An upheld appeal marks its suspension upheld; an upheld sample case leaves it active and appealable. */
export const upholdsSuspension = (appeal: Pick<Appeal, 'origin'>, outcome: DecisionOutcome): boolean =>
  appeal.origin === 'appellant' && !liftsSuspension(outcome);
