import { Injectable } from '@nestjs/common';
import { insertRows, isUniqueViolation, queryPrepared, type Tx } from '@redress/database';
import { DomainError, type DetectorRef } from '@redress/kernel';
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

const OWNERSHIP_COLUMNS = 'id, account_id AS "accountId", origin, status';

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

/** What a transition reads besides the appeal: its suspension, and whether its wave or detector version is flagged. */
export interface AppealContext {
  suspension: Suspension;
  flagged: boolean;
}

/** With `suspensions s`: the flags that raise an appeal's priority, its wave's and its detector version's. */
const FLAG_JOINS = `LEFT JOIN wave_stats w ON w.wave_id = s.wave_id
  LEFT JOIN detector_versions dv ON dv.name = s.detector_name AND dv.version = s.detector_version`;
const FLAGGED = `(coalesce(w.flagged, false) OR coalesce(dv.flagged, false))`;
/** The SQL twin of computePriority for the appeal `a` of suspension `s` (FLAG_JOINS joined). */
const SQL_PRIORITY = `appeal_priority(s.automated_decision, a.sla_breached, s.frozen_amount_minor, ${FLAGGED})`;

// An appeal's transition context in the same row as the appeal; `s_` keeps the suspension's names apart.
const CONTEXT_COLUMNS = `${SuspensionStore.joinedColumns('s_')}, ${FLAGGED} AS flagged`;
const CONTEXT_JOINS = `JOIN suspensions s ON s.id = a.suspension_id ${FLAG_JOINS}`;
const toContext = (row: Record<string, unknown>): AppealContext => ({
  suspension: SuspensionStore.fromJoinedRow(row, 's_'),
  flagged: row.flagged === true,
});

/** A suspension drawn for a sample case, with whether its flags raise the case's priority. */
export type SampleCandidate = AppealContext;

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
        `INSERT INTO appeals (${INSERT_COLUMNS.join(', ')}, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)`,
        insertValues(a),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'appeals_one_per_suspension')) {
        throw new DomainError('appeal_already_exists', 'This suspension already has an appeal');
      }
      throw error;
    }
  }

  /** Sample cases, many at once; a suspension sampled before is refused by appeals_one_sample_per_suspension. */
  async insertSampleCases(tx: Tx, cases: Appeal[]): Promise<void> {
    await insertRows(tx, { table: 'appeals', columns: INSERT_COLUMNS, rows: cases, values: insertValues });
  }

  /** Serialises the sample draws of one detector until the transaction ends. */
  async lockDetectorForSampling(tx: Tx, detector: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('detector-sample:' || $1, 0))`, [detector]);
  }

  /** Whether any suspension names the detector (and version). */
  async detectorExists(tx: Tx, name: string, version?: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM suspensions WHERE detector_name = $1 AND ($2::text IS NULL OR detector_version = $2) LIMIT 1`,
      [name, version ?? null],
    );
    return rows.length > 0;
  }

  /**
   * The first `size` eligible suspensions (active, of the detector, no appeal of either origin) in the
   * order of md5(seed, source, externalRef) — names the enforcement system knows too, so it can redo the
   * draw — and how many were eligible. The drawn rows are then locked and those a
   * filing reached meanwhile dropped, so a sample case never opens beside the person's own appeal.
   */
  async drawForSample(
    tx: Tx,
    d: { detector: string; version?: string; size: number; seed: string },
  ): Promise<{ eligible: number; drawn: SampleCandidate[] }> {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT ${SuspensionStore.joinedColumns('s_')}, ${FLAGGED} AS flagged, count(*) OVER () AS eligible
         FROM suspensions s ${FLAG_JOINS}
        WHERE s.detector_name = $1 AND ($2::text IS NULL OR s.detector_version = $2) AND s.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM appeals a WHERE a.suspension_id = s.id)
        ORDER BY md5($3 || ':' || s.source || ':' || s.external_ref), s.id
        LIMIT $4`,
      [d.detector, d.version ?? null, d.seed, d.size],
    );
    const ids = rows.map((r) => r.s_id as string);
    await tx.query(`SELECT 1 FROM suspensions WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    const taken: { suspension_id: string }[] = await tx.query(
      `SELECT suspension_id FROM appeals WHERE suspension_id = ANY($1::uuid[])`,
      [ids],
    );
    const skip = new Set(taken.map((t) => t.suspension_id));
    return {
      eligible: rows.length ? Number(rows[0].eligible) : 0,
      drawn: rows.filter((r) => !skip.has(r.s_id as string)).map(toContext),
    };
  }

  /** The appeal the person filed on the suspension, if any (sample cases are not theirs). */
  async findBySuspension(tx: Tx, suspensionId: string): Promise<Appeal | null> {
    const rows: AppealRow[] = await tx.query(
      `SELECT ${APPEAL_COLUMNS} FROM appeals a WHERE a.suspension_id = $1 AND a.origin = 'appellant'`,
      [suspensionId],
    );
    return rows[0] ? toAppeal(rows[0]) : null;
  }

  /** The suspension's open sample case, locked, if it has one. */
  async lockOpenSampleCase(tx: Tx, suspensionId: string): Promise<Appeal | null> {
    const rows: AppealRow[] = await tx.query(
      `SELECT ${APPEAL_COLUMNS} FROM appeals a
        WHERE a.suspension_id = $1 AND a.origin = 'sample' AND a.status IN ${OPEN_STATUS_LIST} FOR UPDATE`,
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

  /** Re-prioritises the wave's open appeals whose priority no longer matches the flags. */
  async reprioritiseOpenOfWave(tx: Tx, waveId: string): Promise<void> {
    await this.reprioritiseOpen(tx, 'a.wave_id = $1', [waveId]);
  }

  /** Re-prioritises the detector version's open appeals whose priority no longer matches the flags. */
  async reprioritiseOpenOfDetector(tx: Tx, detector: DetectorRef): Promise<number> {
    return this.reprioritiseOpen(tx, 's.detector_name = $1 AND s.detector_version = $2', [
      detector.name,
      detector.version,
    ]);
  }

  private async reprioritiseOpen(tx: Tx, where: string, params: unknown[]): Promise<number> {
    const [, count]: [unknown, number] = await tx.query(
      `UPDATE appeals a SET priority = ${SQL_PRIORITY}, version = a.version + 1, updated_at = now()
         FROM suspensions s ${FLAG_JOINS}
        WHERE s.id = a.suspension_id AND ${where}
          AND a.status IN ${OPEN_STATUS_LIST} AND a.priority <> ${SQL_PRIORITY}`,
      params,
    );
    return count;
  }

  /** Whether an appeal on this suspension gains the flag's priority: its wave or detector version is flagged. */
  async isFlagged(tx: Tx, s: Pick<Suspension, 'waveId' | 'detector'>): Promise<boolean> {
    const rows = await queryPrepared<{ flagged: boolean }>(
      tx,
      `SELECT coalesce((SELECT flagged FROM wave_stats WHERE wave_id = $1), false)
           OR coalesce((SELECT flagged FROM detector_versions WHERE name = $2 AND version = $3), false) AS flagged`,
      [s.waveId, s.detector?.name ?? null, s.detector?.version ?? null],
    );
    return rows[0].flagged;
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

const INSERT_COLUMNS = [
  'id',
  'suspension_id',
  'account_id',
  'origin',
  'status',
  'level',
  'statement',
  'requested_remedy',
  'priority',
  'reason_code',
  'wave_id',
  'submitted_at',
  'decision_due_at',
];

/** Values in INSERT_COLUMNS order. */
const insertValues = (a: Appeal): unknown[] => [
  a.id,
  a.suspensionId,
  a.accountId,
  a.origin,
  a.status,
  a.level,
  a.statement,
  a.requestedRemedy,
  a.priority,
  a.reasonCode,
  a.waveId,
  a.submittedAt,
  a.decisionDueAt,
];
