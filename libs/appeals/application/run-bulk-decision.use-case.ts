import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { isDatabaseUnavailable, isTransientConflict, UnitOfWork, type Tx } from '@redress/database';
import { LiftSuspensionUseCase, SuspensionStore } from '@redress/suspensions';
import { AppealRepository } from '../persistence/appeal.repository';
import { BulkJobRepository, type BulkJobRun } from '../persistence/bulk-job.repository';
import { DecideAppealUseCase } from './decide-appeal.use-case';

export type ChunkOutcome = 'progressed' | 'waiting' | 'finished';

/** A chunk's outcome and the items it processed and failed (none unless it progressed). */
export interface ChunkResult {
  outcome: ChunkOutcome;
  processed: number;
  failed: number;
}

const NOTHING = { processed: 0, failed: 0 };

interface ChunkCounts {
  handled: number;
  failed: number;
}

/**
 * The worker's side: one chunk per transaction, each appeal decided with every effect of a single
 * decision. Progress lives in the database, so a job killed half-way resumes where it stopped and no
 * appeal is decided twice (a decided appeal is no longer open). An item that fails is recorded and skipped.
 */
@Injectable()
export class RunBulkDecisionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: BulkJobRepository,
    private readonly appeals: AppealRepository,
    private readonly decide: DecideAppealUseCase,
    private readonly lifter: LiftSuspensionUseCase,
    private readonly suspensions: SuspensionStore,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Processes the next chunk: the open appeals first, then (if asked for) the unappealed suspensions.
   * 'waiting': what is left is locked by other writers just now (a reviewer deciding one of the
   * appeals, a notice recording its time), so the caller tries again shortly.
   */
  runChunk(jobId: string): Promise<ChunkResult> {
    return this.uow.run(async (tx): Promise<ChunkResult> => {
      const job = await this.jobs.lock(tx, jobId);
      if (!job || job.state === 'completed' || job.state === 'failed')
        return { outcome: 'finished', ...NOTHING };
      const appeals = await this.decideAppeals(tx, job);
      const lifted =
        appeals.handled === 0 && job.includeUnappealed
          ? await this.liftUnappealed(tx, job)
          : { handled: 0, failed: 0 };
      const handled = appeals.handled + lifted.handled;
      const failed = appeals.failed + lifted.failed;
      if (handled === 0 && (await this.jobs.anyLeft(tx, job))) return { outcome: 'waiting', ...NOTHING };
      await this.jobs.recordChunk(tx, jobId, {
        state: handled === 0 ? 'completed' : 'running',
        processed: handled - failed,
        failed,
      });
      if (handled > 0) return { outcome: 'progressed', processed: handled - failed, failed };
      await this.audit.append(tx, {
        actor: job.actor,
        action: 'wave.bulk_decision_completed',
        entityType: 'wave',
        entityId: job.waveId,
        data: { jobId },
      });
      return { outcome: 'finished', ...NOTHING };
    });
  }

  private async decideAppeals(tx: Tx, job: BulkJobRun): Promise<ChunkCounts> {
    const appeals = await this.jobs.lockNextAppeals(tx, job);
    return this.each(tx, job.id, appeals, (appeal) =>
      this.decide.decideLocked(
        tx,
        job.actor,
        appeal,
        'bulk_decide',
        { outcome: job.outcome, rationale: job.rationale },
        { lane: 'bulk' },
      ),
    );
  }

  private async liftUnappealed(tx: Tx, job: BulkJobRun): Promise<ChunkCounts> {
    const suspensions = await this.jobs.lockNextUnappealed(tx, job);
    return this.each(tx, job.id, suspensions, async ({ id }) => {
      const suspension = await this.suspensions.lock(tx, id);
      // An appeal filed after the chunk's snapshot but before its lock is seen by this later statement:
      // that suspension is no longer "unappealed" and its appeal takes its own course.
      if (await this.appeals.hasOpenAppeal(tx, id)) return;
      const reason = `Proactive remedy for the wave: ${job.rationale}`;
      await this.lifter.liftLocked(tx, job.actor, suspension, reason, 'bulk');
    });
  }

  /** Each item behind a savepoint: one bad item is recorded as failed without undoing the chunk. */
  private async each<T extends { id: string }>(
    tx: Tx,
    jobId: string,
    items: T[],
    work: (item: T) => Promise<unknown>,
  ): Promise<ChunkCounts> {
    let failed = 0;
    for (const item of items) {
      await this.jobs.beginItem(tx);
      try {
        await work(item);
        await this.jobs.endItem(tx);
      } catch (error) {
        // Not the item's fault: the whole chunk runs again (a conflict) or later (the database is gone).
        if (isTransientConflict(error) || isDatabaseUnavailable(error)) throw error;
        await this.jobs.undoItem(tx);
        await this.jobs.recordFailure(tx, jobId, item.id, (error as Error).message);
        failed += 1;
      }
    }
    return { handled: items.length, failed };
  }
}
