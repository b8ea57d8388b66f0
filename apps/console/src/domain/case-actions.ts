import {
  allowedActions,
  type AppealAction,
  type AppealSnapshot,
} from '@libs/appeals/domain/appeal-state-machine';
import type { Actor } from '@redress/kernel';
import type { paths } from '@redress/sdk';
import type { StaffAppeal } from '../api/types';

/**
 * What a person can do to a case from the console. The rest of the table belongs to others: the
 * appellant replies, withdraws and, by filing, closes a sample case; the worker times out; enforcement
 * lifts; bulk decisions are taken on a wave's page and sample cases opened by a detector's draw.
 */
export const CASE_ACTIONS = ['claim', 'release', 'request_info', 'escalate', 'decide', 'reopen'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The endpoint of each action: POST /v1/appeals/:id/<path>. */
export const ACTION_PATHS = {
  claim: 'claim',
  release: 'release',
  request_info: 'request-info',
  escalate: 'escalate',
  decide: 'decision',
  reopen: 'reopen',
} as const satisfies Record<CaseAction, string>;

/** The action's route as the SDK names it; one the OpenAPI document lacks fails the typecheck. */
export const actionRoute = (action: CaseAction) =>
  `/v1/appeals/{id}/${ACTION_PATHS[action]}` as const satisfies keyof paths;

const isCaseAction = (action: AppealAction): action is CaseAction =>
  (CASE_ACTIONS as readonly string[]).includes(action);

export function snapshotOf(appeal: StaffAppeal): AppealSnapshot {
  return {
    origin: appeal.origin,
    status: appeal.status,
    level: appeal.level,
    assigneeId: appeal.assigneeId,
    accountId: appeal.accountId,
    decidedAt: appeal.decision ? new Date(appeal.decision.decidedAt) : null,
  };
}

/**
 * The buttons to show: exactly the moves the server's own state machine (libs/appeals, bundled as is)
 * would accept from this actor now. The server still decides; this only avoids offering what it refuses.
 */
export function caseActionsFor(appeal: StaffAppeal, actor: Actor, now: Date = new Date()): CaseAction[] {
  return allowedActions(snapshotOf(appeal), actor, now).filter(isCaseAction);
}
