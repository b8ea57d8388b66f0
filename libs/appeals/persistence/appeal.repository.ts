import { Injectable } from '@nestjs/common';
import { isUniqueViolation, queryPrepared, type Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import { SuspensionStore, type Suspension } from '@redress/suspensions';
import type { AppealOwnership, AppealStore } from '../application/appeal-store.port';
import type { Appeal } from '../domain/appeal';
import { SLA_RUNNING_STATUSES } from '../domain/sla';
import {
  APPEAL_COLUMNS,
  OPEN_STATUS_LIST,
  QUEUE_ORDER,
  statusList,
  toAppeal,
  type AppealRow,
} from './appeal-row';

const OWNERSHIP_COLUMNS = 'id, account_id AS "accountId", status';

/** The state a transition writes; `status` is written nowhere else (the state machine decides it). */
export type AppealChanges = Partial<
  Pick<
    Appeal,
    | 'status'
    | 'level'
    | 'assigneeId'
    | 'priority'
    | 'infoDueAt'
    | 'infoRemindedAt'
    | 'decisionDueAt'
    | 'clockPausedAt'
    | 'slaBreached'
    | 'decision'
  >
>;

/** What a transition reads besides the appeal: its suspension, and whether its wave is flagged. */
export interface AppealContext {
  suspension: Suspension;
  waveFlagged: boolean;
}

// An appeal's transition context in the same row as the appeal; `s_` keeps the suspension's names apart.
const CONTEXT_COLUMNS = `${SuspensionStore.joinedColumns('s_')}, coalesce(w.flagged, false) AS wave_flagged`;
const CONTEXT_JOINS = `JOIN suspensions s ON s.id = a.suspension_id LEFT JOIN wave_stats w ON w.wave_id = a.wave_id`;
const toContext = (row: Record<string, unknown>): AppealContext => ({
  suspension: SuspensionStore.fromJoinedRow(row, 's_'),
  waveFlagged: row.wave_flagged === true,
});

/** What each of the sweeps finds due at $1 (AppealSweepsUseCase). */
export type AppealSweep = 'info_timeout' | 'info_reminder' | 'sla_breach';
const DUE: Record<AppealSweep, string> = {
  info_timeout: `SELECT id FROM appeals WHERE status = 'awaiting_appellant' AND info_due_at <= $1`,
  info_reminder: `SELECT id FROM appeals WHERE status = 'awaiting_appellant' AND info_reminded_at IS NULL AND info_due_at - interval '1 day' <= $1`,
  sla_breach: `SELECT id FROM appeals WHERE status IN ${statusList(SLA_RUNNING_STATUSES)} AND NOT sla_breached AND decision_due_at < $1`,
};

const COLUMN: Record<Exclude<keyof AppealChanges, 'decision'>, string> = {
  status: 'status',
  level: 'level',
  assigneeId: 'assignee_id',
  priority: 'priority',
  infoDueAt: 'info_due_at',
  infoRemindedAt: 'info_reminded_at',
  decisionDueAt: 'decision_due_at',
  clockPausedAt: 'clock_paused_at',
  slaBreached: 'sla_breached',
};

@Injectable()
export class AppealRepository implements AppealStore {
  async insert(tx: Tx, a: Appeal): Promise<void> {
    try {
      await queryPrepared(
        tx,
        `INSERT INTO appeals (id, suspension_id, account_id, status, level, statement, requested_remedy, priority, reason_code, wave_id,
                              submitted_at, decision_due_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)`,
        [
          a.id,
          a.suspensionId,
          a.accountId,
          a.status,
          a.level,
          a.statement,
          a.requestedRemedy,
          a.priority,
          a.reasonCode,
          a.waveId,
          a.submittedAt,
          a.decisionDueAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'appeals_one_per_suspension')) {
        throw new DomainError('appeal_already_exists', 'This suspension already has an appeal');
      }
      throw error;
    }
  }

  async findBySuspension(tx: Tx, suspensionId: string): Promise<Appeal | null> {
    const rows: AppealRow[] = await tx.query(
      `SELECT ${APPEAL_COLUMNS} FROM appeals a WHERE a.suspension_id = $1`,
      [suspensionId],
    );
    return rows[0] ? toAppeal(rows[0]) : null;
  }

  /** Whether the suspension has an open appeal (one filed after a chunk's snapshot, for a bulk decision). */
  async hasOpenAppeal(tx: Tx, suspensionId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM appeals a WHERE a.suspension_id = $1 AND a.status IN ${OPEN_STATUS_LIST}`,
      [suspensionId],
    );
    return rows.length > 0;
  }

  /**
   * The suspension an appeal is about, or null when there is no such appeal, for a refund proposed on
   * it: the row keeps the share lock the refund's foreign key takes anyway, taken now so that it comes
   * before the suspension's (docs/concurrency.md).
   */
  async keyShareSuspensionId(tx: Tx, appealId: string): Promise<string | null> {
    const [row] = (await tx.query(`SELECT suspension_id FROM appeals WHERE id = $1 FOR KEY SHARE`, [
      appealId,
    ])) as {
      suspension_id: string;
    }[];
    return row?.suspension_id ?? null;
  }

  async findOwnership(reader: Tx, appealId: string): Promise<AppealOwnership | null> {
    const [row] = (await reader.query(`SELECT ${OWNERSHIP_COLUMNS} FROM appeals WHERE id = $1`, [
      appealId,
    ])) as AppealOwnership[];
    return row ?? null;
  }

  async lockOwnership(tx: Tx, appealId: string): Promise<AppealOwnership> {
    const [row] = (await tx.query(`SELECT ${OWNERSHIP_COLUMNS} FROM appeals WHERE id = $1 FOR UPDATE`, [
      appealId,
    ])) as AppealOwnership[];
    if (!row) throw DomainError.notFound('Appeal');
    return row;
  }

  /** Locks the appeal for the rest of the transaction; every transition starts here. */
  async lock(tx: Tx, id: string): Promise<Appeal> {
    const rows = await queryPrepared<AppealRow>(
      tx,
      `SELECT ${APPEAL_COLUMNS} FROM appeals a WHERE a.id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw DomainError.notFound('Appeal');
    return toAppeal(rows[0]);
  }

  /** Locks one appeal due for `sweep` at `now` that no other sweeper holds, and answers its id. */
  async lockNextDue(tx: Tx, sweep: AppealSweep, now: Date): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(`${DUE[sweep]} LIMIT 1 FOR UPDATE SKIP LOCKED`, [now]);
    return rows[0]?.id ?? null;
  }

  /** The reminder went out; the appeal's version does not change (nothing the appellant sees did). */
  async markReminded(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE appeals SET info_reminded_at = $2 WHERE id = $1`, [id, at]);
  }

  /** The flag of the appeal's wave, which wave_stats derives from its counters. */
  async isWaveFlagged(tx: Tx, waveId: string): Promise<boolean> {
    const rows = await queryPrepared<{ flagged: boolean }>(
      tx,
      `SELECT flagged FROM wave_stats WHERE wave_id = $1`,
      [waveId],
    );
    return rows[0]?.flagged ?? false;
  }

  /** Re-prioritises the wave's open appeals whose priority no longer matches the wave's flag. */
  async reprioritiseOpenOfWave(tx: Tx, waveId: string): Promise<void> {
    await tx.query(
      `UPDATE appeals a
          SET priority = appeal_priority(s.automated_decision, a.sla_breached, s.frozen_amount_minor, w.flagged),
              version = a.version + 1, updated_at = now()
         FROM suspensions s, wave_stats w
        WHERE s.id = a.suspension_id AND w.wave_id = a.wave_id AND a.wave_id = $1
          AND a.status IN ${OPEN_STATUS_LIST}
          AND a.priority <> appeal_priority(s.automated_decision, a.sla_breached, s.frozen_amount_minor, w.flagged)`,
      [waveId],
    );
  }

  async transitionContext(tx: Tx, appealId: string): Promise<AppealContext> {
    const rows = await queryPrepared<Record<string, unknown>>(
      tx,
      `SELECT ${CONTEXT_COLUMNS} FROM appeals a ${CONTEXT_JOINS} WHERE a.id = $1`,
      [appealId],
    );
    if (!rows[0]) throw new Error(`invariant: appeal ${appealId} has no suspension`);
    return toContext(rows[0]);
  }

  /**
   * Locks the first appeal in claim order with one of `statuses` that nobody holds, with its transition
   * context, in one statement. SKIP LOCKED lets reviewers calling at once each take a different appeal
   * instead of queueing on the same row.
   */
  async lockNextClaimable(
    tx: Tx,
    statuses: Appeal['status'][],
  ): Promise<{ appeal: Appeal; context: AppealContext } | null> {
    // statuses as literals: a parameter would keep PostgreSQL from proving the claimable index's predicate
    const rows = await queryPrepared<AppealRow & Record<string, unknown>>(
      tx,
      `SELECT ${APPEAL_COLUMNS}, ${CONTEXT_COLUMNS} FROM appeals a ${CONTEXT_JOINS}
        WHERE a.status IN ${statusList(statuses)} AND a.assignee_id IS NULL
        ORDER BY ${QUEUE_ORDER}
        LIMIT 1
        FOR UPDATE OF a SKIP LOCKED`,
    );
    return rows[0] ? { appeal: toAppeal(rows[0]), context: toContext(rows[0]) } : null;
  }

  async update(tx: Tx, id: string, changes: AppealChanges): Promise<Appeal> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(changes) as [keyof AppealChanges, unknown][]) {
      if (key === 'decision') continue;
      sets.push(`${COLUMN[key]} = $${params.push(value)}`);
    }
    if ('decision' in changes) {
      const d = changes.decision ?? null;
      sets.push(
        `decision_outcome = $${params.push(d?.outcome ?? null)}`,
        `decision_rationale = $${params.push(d?.rationale ?? null)}`,
        `decided_by = $${params.push(d?.decidedBy ?? null)}`,
        `decided_at = $${params.push(d?.decidedAt ?? null)}`,
      );
    }
    const rows = await queryPrepared<AppealRow>(
      tx,
      `UPDATE appeals a SET ${[...sets, 'updated_at = now()', 'version = a.version + 1'].join(', ')} WHERE a.id = $1 RETURNING ${APPEAL_COLUMNS}`,
      params,
    );
    return toAppeal(rows[0]);
  }
}
