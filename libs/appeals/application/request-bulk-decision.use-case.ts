import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import { DomainError, newId, type Actor } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
import { WaveStore } from '@redress/suspensions';
import { liftsSuspension, type DecisionOutcome } from '../domain/appeal';
import { BulkJobRepository } from '../persistence/bulk-job.repository';

export interface BulkDecisionInput {
  outcome: DecisionOutcome;
  rationale: string;
  includeUnappealed: boolean;
}

/** A senior reviewer asks for a wave-wide decision: the job is recorded and handed to the worker. */
@Injectable()
export class RequestBulkDecisionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly waves: WaveStore,
    private readonly jobs: BulkJobRepository,
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
      if (!(await this.waves.lockShared(tx, waveId))) throw DomainError.notFound('Wave');
      const total = await this.jobs.countItems(tx, waveId, input.includeUnappealed);
      const id = newId();
      await this.jobs.insert(tx, { id, waveId, ...input, actor, total });
      await this.audit.append(tx, {
        actor,
        action: 'wave.bulk_decision_requested',
        entityType: 'wave',
        entityId: waveId,
        data: { jobId: id, ...input, total },
      });
      await this.outbox.append(tx, {
        type: 'wave.bulk_decision_requested', // hands the wave-wide decision to the worker
        payload: { jobId: id },
        requestId: actor.requestId,
      });
      return id;
    });
  }
}
