import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { Clock, DomainError, HOUR_MS, addMs, newId, type Actor } from '@redress/kernel';
import { randomBytes } from 'node:crypto';
import { sampleStatement, type Appeal } from '../domain/appeal';
import { openSampleState } from '../domain/appeal-state-machine';
import { computePriority } from '../domain/priority';
import { AppealRepository, type SampleCandidate } from '../persistence/appeal.repository';

export interface SampleRequest {
  detector: string;
  /** Only this version's suspensions; all the detector's versions without it. */
  version?: string;
  size: number;
  /** Same seed, same eligible suspensions: the same draw. A random one is chosen (and answered) without it. */
  seed?: string;
}

export interface DrawnSample {
  detector: string;
  version: string | null;
  seed: string;
  /** Suspensions that could be drawn: active, of the detector (version), never appealed nor sampled. */
  eligible: number;
  appealIds: string[];
}

/**
 * Sampled review: a uniformly random sample of the detector's active suspensions that nobody appealed
 * (and no sample took yet) each gets a sample case, in one transaction. The draw orders the eligible
 * suspensions by md5(seed, source, externalRef), a seeded random permutation, and takes the first `size`.
 */
@Injectable()
export class OpenSampleCasesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealRepository,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, input: SampleRequest): Promise<DrawnSample> {
    const initial = openSampleState(actor);
    const seed = input.seed ?? randomBytes(16).toString('hex');
    return this.uow.run(async (tx) => {
      // draws of one detector one at a time, so two never take the same suspension
      await this.appeals.lockDetectorForSampling(tx, input.detector);
      if (!(await this.appeals.detectorExists(tx, input.detector, input.version))) {
        throw DomainError.notFound('Detector');
      }
      const { eligible, drawn } = await this.appeals.drawForSample(tx, { ...input, seed });
      const now = this.clock.now();
      const cases = drawn.map((candidate) => this.sampleCase(candidate, initial, now));
      await this.appeals.insertSampleCases(tx, cases);
      await this.audit.appendFirstEvents(
        tx,
        cases.map((c) => ({
          actor,
          action: 'appeal.open_sample',
          entityType: 'appeal',
          entityId: c.id,
          data: { suspensionId: c.suspensionId, seed, priority: c.priority },
          at: now,
        })),
      );
      await this.audit.append(tx, {
        actor,
        action: 'detector.sampled',
        entityType: 'detector',
        entityId: input.detector,
        data: { version: input.version ?? null, size: input.size, seed, eligible, opened: cases.length },
        at: now,
      });
      return {
        detector: input.detector,
        version: input.version ?? null,
        seed,
        eligible,
        appealIds: cases.map((c) => c.id),
      };
    });
  }

  private sampleCase(
    { suspension, flagged }: SampleCandidate,
    initial: ReturnType<typeof openSampleState>,
    now: Date,
  ): Appeal {
    return {
      id: newId(),
      suspensionId: suspension.id,
      accountId: suspension.accountId,
      origin: 'sample',
      status: initial.status,
      level: initial.level,
      statement: sampleStatement(suspension.detector!),
      requestedRemedy: 'reinstate',
      assigneeId: initial.assigneeId,
      priority: computePriority({
        automatedDecision: suspension.automatedDecision,
        slaBreached: false,
        frozenAmountMinor: suspension.frozenBalance.amountMinor,
        flagged,
      }),
      reasonCode: suspension.reasonCode,
      waveId: suspension.waveId,
      submittedAt: now,
      infoDueAt: null,
      infoRemindedAt: null,
      decisionDueAt: addMs(now, this.config.env.APPEAL_DECISION_SLA_HOURS * HOUR_MS),
      clockPausedAt: null,
      slaBreached: false,
      decision: null,
      updatedAt: now,
      version: 1,
    };
  }
}
