import type { DecisionOutcome } from '@redress/kernel';
import type { AppealLevel, AppealStatus } from './appeal-state-machine';

export const REQUESTED_REMEDIES = ['reinstate', 'refund_only', 'reinstate_or_refund'] as const;
export type RequestedRemedy = (typeof REQUESTED_REMEDIES)[number];

export { DECISION_OUTCOMES, type DecisionOutcome } from '@redress/kernel';

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
