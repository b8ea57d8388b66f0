import type { Appeal, AppealMessage } from '../domain/appeal';
import { OPEN_APPEAL_STATUSES, type AppealStatus } from '../domain/appeal-state-machine';
import { PRIORITY_BAND_POINTS } from '../domain/queue-order';

/**
 * Statuses as a SQL list of literals, `('submitted', 'in_review')`: with literals, unlike a bound
 * parameter, PostgreSQL can prove a partial index's predicate (appeals_queue, appeals_claimable).
 */
export function statusList(statuses: readonly AppealStatus[]): string {
  for (const status of statuses) {
    if (!/^[a-z_]+$/.test(status)) throw new Error(`not an appeal status: ${status}`);
  }
  return `(${statuses.map((status) => `'${status}'`).join(', ')})`;
}

/**
 * The queue's order by priority (domain/queue-order.ts) as SQL: every part ascending, so a keyset
 * cursor is one row comparison and one range of the appeals_queue and appeals_claimable indexes,
 * whose expressions these are.
 */
export const QUEUE_ORDER = `-(a.priority / ${PRIORITY_BAND_POINTS}), (NOT a.sla_breached), (-a.priority), a.submitted_at, a.id`;

/** The open statuses of the state machine, for a WHERE clause. */
export const OPEN_STATUS_LIST = statusList(OPEN_APPEAL_STATUSES);

/** Column list shared by every appeal read, so row mapping has one shape. */
export const APPEAL_COLUMNS = `a.id, a.suspension_id, a.account_id, a.origin, a.status, a.level, a.statement, a.requested_remedy, a.assignee_id,
  a.priority, a.reason_code, a.wave_id, a.submitted_at, a.info_due_at, a.info_reminded_at, a.decision_due_at,
  a.clock_paused_at, a.sla_breached, a.decision_outcome, a.decision_rationale, a.decided_by, a.decided_at, a.updated_at, a.version`;

export interface AppealRow {
  id: string;
  suspension_id: string;
  account_id: string;
  origin: Appeal['origin'];
  status: Appeal['status'];
  level: number;
  statement: string;
  requested_remedy: Appeal['requestedRemedy'];
  assignee_id: string | null;
  priority: number;
  reason_code: string;
  wave_id: string | null;
  submitted_at: Date;
  info_due_at: Date | null;
  info_reminded_at: Date | null;
  decision_due_at: Date;
  clock_paused_at: Date | null;
  sla_breached: boolean;
  decision_outcome: NonNullable<Appeal['decision']>['outcome'] | null;
  decision_rationale: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  updated_at: Date;
  version: number;
}

export function toAppeal(r: AppealRow): Appeal {
  return {
    id: r.id,
    suspensionId: r.suspension_id,
    accountId: r.account_id,
    origin: r.origin,
    status: r.status,
    level: r.level === 2 ? 2 : 1,
    statement: r.statement,
    requestedRemedy: r.requested_remedy,
    assigneeId: r.assignee_id,
    priority: r.priority,
    reasonCode: r.reason_code,
    waveId: r.wave_id,
    submittedAt: r.submitted_at,
    infoDueAt: r.info_due_at,
    infoRemindedAt: r.info_reminded_at,
    decisionDueAt: r.decision_due_at,
    clockPausedAt: r.clock_paused_at,
    slaBreached: r.sla_breached,
    decision:
      r.decision_outcome && r.decided_at && r.decided_by && r.decision_rationale
        ? {
            outcome: r.decision_outcome,
            rationale: r.decision_rationale,
            decidedBy: r.decided_by,
            decidedAt: r.decided_at,
          }
        : null,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export interface MessageRow {
  id: string;
  appeal_id: string;
  author_role: AppealMessage['authorRole'];
  author_id: string;
  body: string;
  internal: boolean;
  created_at: Date;
}

export const toMessage = (r: MessageRow): AppealMessage => ({
  id: r.id,
  appealId: r.appeal_id,
  authorRole: r.author_role,
  authorId: r.author_id,
  body: r.body,
  internal: r.internal,
  createdAt: r.created_at,
});
