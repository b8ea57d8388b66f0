import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import type { Actor, Role } from '@redress/kernel';
import type { Appeal, DecisionOutcome } from '../domain/appeal';
import { APPEAL_COLUMNS, OPEN_STATUS_LIST, toAppeal, type AppealRow } from './appeal-row';

/** A wave-wide decision as its runs read it, locked. */
export interface BulkJobRun {
  id: string;
  waveId: string;
  outcome: DecisionOutcome;
  rationale: string;
  includeUnappealed: boolean;
  /** Who asked for it: each item is decided in their name. */
  actor: Actor;
  state: 'queued' | 'running' | 'completed' | 'failed';
}

export type NewBulkJob = Omit<BulkJobRun, 'state'> & { total: number };

interface JobRow {
  id: string;
  wave_id: string;
  outcome: DecisionOutcome;
  rationale: string;
  include_unappealed: boolean;
  actor_sub: string;
  actor_roles: Role[];
  state: BulkJobRun['state'];
}

/** Items taken per chunk, each chunk one transaction. */
export const BULK_CHUNK = 100;

const OPEN_APPEALS_OF_WAVE = `FROM appeals a JOIN suspensions s ON s.id = a.suspension_id
  WHERE a.wave_id = $1 AND a.status IN ${OPEN_STATUS_LIST}`;
const NOT_FAILED = (item: string) =>
  `NOT EXISTS (SELECT 1 FROM bulk_job_failures f WHERE f.job_id = $2 AND f.item_id = ${item})`;
/** Active suspensions of the wave that no open appeal covers: "nobody appealed" (or the appeal was withdrawn). */
const UNAPPEALED_OF_WAVE = `FROM suspensions s WHERE s.wave_id = $1 AND s.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM appeals a WHERE a.suspension_id = s.id AND a.status IN ${OPEN_STATUS_LIST})`;

/**
 * Wave-wide decisions (bulk_jobs, bulk_job_failures) and the items of their waves: the open appeals
 * and, when asked for, the unappealed active suspensions. Every method works in the caller's transaction.
 */
@Injectable()
export class BulkJobRepository {
  /** How many items a new job has: the wave's open appeals, and its unappealed suspensions if included. */
  async countItems(tx: Tx, waveId: string, includeUnappealed: boolean): Promise<number> {
    const [{ n: appeals }]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n ${OPEN_APPEALS_OF_WAVE}`,
      [waveId],
    );
    const [{ n: unappealed }]: { n: number }[] = includeUnappealed
      ? await tx.query(`SELECT count(*)::int AS n ${UNAPPEALED_OF_WAVE}`, [waveId])
      : [{ n: 0 }];
    return appeals + unappealed;
  }

  async insert(tx: Tx, job: NewBulkJob): Promise<void> {
    await tx.query(
      `INSERT INTO bulk_jobs (id, kind, wave_id, outcome, rationale, include_unappealed, actor_sub, actor_roles, total)
       VALUES ($1, 'wave_bulk_decision', $2, $3, $4, $5, $6, $7, $8)`,
      [
        job.id,
        job.waveId,
        job.outcome,
        job.rationale,
        job.includeUnappealed,
        job.actor.sub,
        job.actor.roles,
        job.total,
      ],
    );
  }

  /** Locks the job for a chunk, so that two workers never run chunks of one job at once. */
  async lock(tx: Tx, id: string): Promise<BulkJobRun | null> {
    const [row]: JobRow[] = await tx.query(`SELECT * FROM bulk_jobs WHERE id = $1 FOR UPDATE`, [id]);
    return row
      ? {
          id: row.id,
          waveId: row.wave_id,
          outcome: row.outcome,
          rationale: row.rationale,
          includeUnappealed: row.include_unappealed,
          actor: { sub: row.actor_sub, roles: row.actor_roles },
          state: row.state,
        }
      : null;
  }

  /**
   * The next chunk of the wave's open appeals not yet failed, locked with their suspensions in one
   * statement that never waits (rows others hold are skipped): a chunk that held some suspensions while
   * waiting for another could deadlock with the dispatcher's statement stamping a batch of notices.
   */
  async lockNextAppeals(tx: Tx, job: BulkJobRun): Promise<Appeal[]> {
    const rows: AppealRow[] = await tx.query(
      `SELECT ${APPEAL_COLUMNS} ${OPEN_APPEALS_OF_WAVE} AND ${NOT_FAILED('a.id')}
        ORDER BY a.id LIMIT ${BULK_CHUNK} FOR UPDATE OF a, s SKIP LOCKED`,
      [job.waveId, job.id],
    );
    return rows.map(toAppeal);
  }

  /** The next chunk of the wave's unappealed suspensions not yet failed, locked; rows others hold are skipped. */
  async lockNextUnappealed(tx: Tx, job: BulkJobRun): Promise<{ id: string }[]> {
    return tx.query(
      `SELECT s.id ${UNAPPEALED_OF_WAVE} AND ${NOT_FAILED('s.id')}
        ORDER BY s.id LIMIT ${BULK_CHUNK} FOR UPDATE OF s SKIP LOCKED`,
      [job.waveId, job.id],
    );
  }

  /** Whether items are left, locked or not: the chunks skip rows that others hold. */
  async anyLeft(tx: Tx, job: BulkJobRun): Promise<boolean> {
    const [{ left }]: { left: boolean }[] = await tx.query(
      `SELECT EXISTS (SELECT 1 ${OPEN_APPEALS_OF_WAVE} AND ${NOT_FAILED('a.id')})
           OR ($3 AND EXISTS (SELECT 1 ${UNAPPEALED_OF_WAVE} AND ${NOT_FAILED('s.id')})) AS left`,
      [job.waveId, job.id, job.includeUnappealed],
    );
    return left;
  }

  /** A chunk's counts; `completed` also stamps the end. */
  async recordChunk(
    tx: Tx,
    id: string,
    chunk: { state: 'running' | 'completed'; processed: number; failed: number },
  ): Promise<void> {
    await tx.query(
      `UPDATE bulk_jobs SET state = $2, processed = processed + $3, failed = failed + $4, updated_at = now(),
              finished_at = CASE WHEN $2 = 'completed' THEN now() END
        WHERE id = $1`,
      [id, chunk.state, chunk.processed, chunk.failed],
    );
  }

  /** An item that failed for good: later chunks skip it. */
  async recordFailure(tx: Tx, jobId: string, itemId: string, error: string): Promise<void> {
    await tx.query(
      `INSERT INTO bulk_job_failures (job_id, item_id, error) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [jobId, itemId, error.slice(0, 2000)],
    );
  }

  /** Each item runs behind this savepoint, so one that fails is undone without undoing the chunk. */
  async beginItem(tx: Tx): Promise<void> {
    await tx.query('SAVEPOINT bulk_item');
  }

  async endItem(tx: Tx): Promise<void> {
    await tx.query('RELEASE SAVEPOINT bulk_item');
  }

  async undoItem(tx: Tx): Promise<void> {
    await tx.query('ROLLBACK TO SAVEPOINT bulk_item');
  }
}
