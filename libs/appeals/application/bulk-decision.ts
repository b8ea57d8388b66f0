import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { isDatabaseUnavailable, isTransientConflict, UnitOfWork, type Tx } from '@redress/database';
import { DomainError, newId, type Actor, type Role } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
import { LiftSuspensionUseCase, SuspensionRepository } from '@redress/suspensions';
import { liftsSuspension, type DecisionOutcome } from '../domain/appeal';
import { APPEAL_COLUMNS, toAppeal, type AppealRow } from '../persistence/appeal-row';
import { DecideAppealUseCase } from './decide-appeal.use-case';

/** Outbox type that hands a wave-wide decision to the worker. */
export const BULK_DECISION_REQUESTED = 'wave.bulk_decision_requested';

export interface BulkDecisionInput {
  outcome: DecisionOutcome;
  rationale: string;
  includeUnappealed: boolean;
}

export interface BulkJob {
  id: string;
  kind: string;
  waveId: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
}

const OPEN = `('submitted', 'in_review', 'awaiting_appellant', 'escalated')`;
const OPEN_APPEALS_OF_WAVE = `FROM appeals a JOIN suspensions s ON s.id = a.suspension_id
  WHERE a.wave_id = $1 AND a.status IN ${OPEN}`;
const NOT_FAILED = (item: string) =>
  `NOT EXISTS (SELECT 1 FROM bulk_job_failures f WHERE f.job_id = $2 AND f.item_id = ${item})`;
/** Active suspensions of the wave that no open appeal covers: "nobody appealed" (or the appeal was withdrawn). */
const UNAPPEALED_OF_WAVE = `FROM suspensions s WHERE s.wave_id = $1 AND s.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM appeals a WHERE a.suspension_id = s.id AND a.status IN ${OPEN})`;

/** A senior reviewer asks for a wave-wide decision (SPEC §5): the job is recorded and handed to the worker. */
@Injectable()
export class RequestBulkDecisionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  execute(actor: Actor, waveId: string, input: BulkDecisionInput): Promise<string> {
    if (input.includeUnappealed && !liftsSuspension(input.outcome)) {
      throw new DomainError(
        'validation_failed',
        'includeUnappealed lifts suspensions, so it needs outcome overturned or modified',
        [{ field: 'includeUnappealed', message: 'only with outcome overturned or modified' }],
      );
    }
    return this.uow.run(async (tx) => {
      const wave: unknown[] = await tx.query(`SELECT 1 FROM waves WHERE id = $1 FOR SHARE`, [waveId]);
      if (wave.length === 0) throw DomainError.notFound('Wave');
      const [{ n: appeals }]: { n: number }[] = await tx.query(
        `SELECT count(*)::int AS n ${OPEN_APPEALS_OF_WAVE}`,
        [waveId],
      );
      const [{ n: unappealed }]: { n: number }[] = input.includeUnappealed
        ? await tx.query(`SELECT count(*)::int AS n ${UNAPPEALED_OF_WAVE}`, [waveId])
        : [{ n: 0 }];
      const id = newId();
      await tx.query(
        `INSERT INTO bulk_jobs (id, kind, wave_id, outcome, rationale, include_unappealed, actor_sub, actor_roles, total)
         VALUES ($1, 'wave_bulk_decision', $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          waveId,
          input.outcome,
          input.rationale,
          input.includeUnappealed,
          actor.sub,
          actor.roles,
          appeals + unappealed,
        ],
      );
      await this.audit.append(tx, {
        actor,
        action: 'wave.bulk_decision_requested',
        entityType: 'wave',
        entityId: waveId,
        data: { jobId: id, ...input, total: appeals + unappealed },
      });
      await this.outbox.append(tx, {
        type: BULK_DECISION_REQUESTED,
        payload: { jobId: id },
        requestId: actor.requestId,
      });
      return id;
    });
  }
}

export type ChunkOutcome = 'progressed' | 'waiting' | 'finished';

interface JobRow {
  id: string;
  wave_id: string;
  outcome: DecisionOutcome;
  rationale: string;
  include_unappealed: boolean;
  actor_sub: string;
  actor_roles: Role[];
  state: BulkJob['state'];
}

/**
 * The worker's side: one chunk per transaction, each appeal decided with every effect of a single
 * decision. Progress lives in the database, so a job killed half-way resumes where it stopped and no
 * appeal is decided twice (a decided appeal is no longer open). An item that fails is recorded and skipped.
 */
@Injectable()
export class RunBulkDecisionUseCase {
  static readonly CHUNK = 100;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly decide: DecideAppealUseCase,
    private readonly lifter: LiftSuspensionUseCase,
    private readonly suspensions: SuspensionRepository,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Processes the next chunk. 'waiting': what is left is locked by other writers just now (a reviewer
   * deciding one of the appeals, a notice recording its time), so the caller tries again shortly.
   */
  runChunk(jobId: string): Promise<ChunkOutcome> {
    return this.uow.run(async (tx) => {
      const [job]: JobRow[] = await tx.query(`SELECT * FROM bulk_jobs WHERE id = $1 FOR UPDATE`, [jobId]);
      if (!job || job.state === 'completed' || job.state === 'failed') return 'finished';
      const actor: Actor = { sub: job.actor_sub, roles: job.actor_roles };
      const appeals = await this.decideAppeals(tx, job, actor);
      const lifted =
        appeals.handled === 0 && job.include_unappealed
          ? await this.liftUnappealed(tx, job, actor)
          : { handled: 0, failed: 0 };
      const handled = appeals.handled + lifted.handled;
      if (handled === 0 && (await this.anyLeft(tx, job))) return 'waiting';
      await tx.query(
        `UPDATE bulk_jobs SET state = $2, processed = processed + $3, failed = failed + $4, updated_at = now(),
                finished_at = CASE WHEN $2 = 'completed' THEN now() END
          WHERE id = $1`,
        [
          jobId,
          handled === 0 ? 'completed' : 'running',
          handled - appeals.failed - lifted.failed,
          appeals.failed + lifted.failed,
        ],
      );
      if (handled === 0) {
        await this.audit.append(tx, {
          actor,
          action: 'wave.bulk_decision_completed',
          entityType: 'wave',
          entityId: job.wave_id,
          data: { jobId },
        });
      }
      return handled > 0 ? 'progressed' : 'finished';
    });
  }

  /** Whether items are left, locked or not: the chunks skip rows that others hold. */
  private async anyLeft(tx: Tx, job: JobRow): Promise<boolean> {
    const [{ left }]: { left: boolean }[] = await tx.query(
      `SELECT EXISTS (SELECT 1 ${OPEN_APPEALS_OF_WAVE} AND ${NOT_FAILED('a.id')})
           OR ($3 AND EXISTS (SELECT 1 ${UNAPPEALED_OF_WAVE} AND ${NOT_FAILED('s.id')})) AS left`,
      [job.wave_id, job.id, job.include_unappealed],
    );
    return left;
  }

  private async decideAppeals(
    tx: Tx,
    job: JobRow,
    actor: Actor,
  ): Promise<{ handled: number; failed: number }> {
    // The suspensions are locked here too, up front: taken one by one while the chunk's earlier ones
    // were held, they deadlocked with the statement recording a batch of notices' times.
    const rows: AppealRow[] = await tx.query(
      `SELECT ${APPEAL_COLUMNS} ${OPEN_APPEALS_OF_WAVE} AND ${NOT_FAILED('a.id')}
        ORDER BY a.id LIMIT ${RunBulkDecisionUseCase.CHUNK} FOR UPDATE OF a, s SKIP LOCKED`,
      [job.wave_id, job.id],
    );
    return this.each(tx, job.id, rows.map(toAppeal), (appeal) =>
      this.decide.decideLocked(
        tx,
        actor,
        appeal,
        'bulk_decide',
        { outcome: job.outcome, rationale: job.rationale },
        { lane: 'bulk' },
      ),
    );
  }

  private async liftUnappealed(
    tx: Tx,
    job: JobRow,
    actor: Actor,
  ): Promise<{ handled: number; failed: number }> {
    const rows: { id: string }[] = await tx.query(
      `SELECT s.id ${UNAPPEALED_OF_WAVE} AND ${NOT_FAILED('s.id')}
        ORDER BY s.id LIMIT ${RunBulkDecisionUseCase.CHUNK} FOR UPDATE OF s SKIP LOCKED`,
      [job.wave_id, job.id],
    );
    return this.each(tx, job.id, rows, async ({ id }) => {
      const suspension = await this.suspensions.lock(tx, id);
      // An appeal filed after the chunk's snapshot but before its lock is seen by this later statement:
      // that suspension is no longer "unappealed" and its appeal takes its own course.
      const appealed: unknown[] = await tx.query(
        `SELECT 1 FROM appeals a WHERE a.suspension_id = $1 AND a.status IN ${OPEN}`,
        [id],
      );
      if (appealed.length > 0) return;
      await this.lifter.liftLocked(
        tx,
        actor,
        suspension,
        `Proactive remedy for the wave: ${job.rationale}`,
        'bulk',
      );
    });
  }

  /** Each item behind a savepoint: one bad item is recorded as failed without undoing the chunk. */
  private async each<T extends { id: string }>(
    tx: Tx,
    jobId: string,
    items: T[],
    work: (item: T) => Promise<unknown>,
  ) {
    let failed = 0;
    for (const item of items) {
      await tx.query('SAVEPOINT bulk_item');
      try {
        await work(item);
        await tx.query('RELEASE SAVEPOINT bulk_item');
      } catch (error) {
        // Not the item's fault: the whole chunk runs again (a conflict) or later (the database is gone).
        if (isTransientConflict(error) || isDatabaseUnavailable(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT bulk_item');
        await tx.query(
          `INSERT INTO bulk_job_failures (job_id, item_id, error) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [jobId, item.id, (error as Error).message.slice(0, 2000)],
        );
        failed += 1;
      }
    }
    return { handled: items.length, failed };
  }
}

@Injectable()
export class BulkJobQueries {
  constructor(private readonly uow: UnitOfWork) {}

  async get(id: string): Promise<BulkJob | null> {
    const rows: {
      id: string;
      kind: string;
      wave_id: string;
      state: BulkJob['state'];
      total: number;
      processed: number;
      failed: number;
      created_at: Date;
      finished_at: Date | null;
    }[] = await this.uow.reader.query(
      `SELECT id, kind, wave_id, state, total, processed, failed, created_at, finished_at FROM bulk_jobs WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          kind: r.kind,
          waveId: r.wave_id,
          state: r.state,
          total: r.total,
          processed: r.processed,
          failed: r.failed,
          createdAt: r.created_at,
          finishedAt: r.finished_at,
        }
      : null;
  }
}
