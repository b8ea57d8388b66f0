import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { AppConfig } from '@redress/config';
import { UnitOfWork } from '@redress/database';
import { Clock, DomainError, HOUR_MS, addMs, newId, type Actor } from '@redress/kernel';
import type { Tx } from '@redress/database';
import { SuspensionStore } from '@redress/suspensions';
import type { Appeal, RequestedRemedy } from '../domain/appeal';
import { initialAppealState } from '../domain/appeal-state-machine';
import { computePriority } from '../domain/priority';
import { AppealRepository } from '../persistence/appeal.repository';
import { MessageRepository } from '../persistence/message.repository';
import { AppealTransitioner, appealSubject } from './appeal-transitioner';
import { WaveFlags } from './wave-flags';

export interface FileAppealInput {
  suspensionId: string;
  statement: string;
  requestedRemedy: RequestedRemedy;
}

/**
 * An appellant appeals their own active suspension, once, before the deadline. A sample case open on it
 * is closed into the new appeal, its notes carried over: the person's own appeal takes over the review.
 */
@Injectable()
export class FileAppealUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly suspensions: SuspensionStore,
    private readonly appeals: AppealRepository,
    private readonly messages: MessageRepository,
    private readonly transitioner: AppealTransitioner,
    private readonly waveFlags: WaveFlags,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: FileAppealInput): Promise<Appeal> {
    return this.uow.run(async (tx) => {
      // The suspension's row lock serialises concurrent filings; the unique constraint backs it up.
      const suspension = await this.suspensions.lock(tx, input.suspensionId);
      if (suspension.accountId !== actor.sub) throw DomainError.notFound('Suspension');
      const now = this.clock.now();
      const closed = suspension.status !== 'active' || now.getTime() >= suspension.appealDeadline.getTime();
      // An existing appeal is reported first. On the way to a new appeal the insert's unique constraint
      // says so (as appeal_already_exists), which spares every filing a lookup.
      if (closed && (await this.appeals.findBySuspension(tx, suspension.id))) {
        throw new DomainError('appeal_already_exists', 'This suspension already has an appeal');
      }
      if (suspension.status !== 'active')
        throw new DomainError('suspension_not_active', `The suspension is ${suspension.status}`);
      if (now.getTime() >= suspension.appealDeadline.getTime()) {
        throw new DomainError(
          'appeal_window_closed',
          `The appeal window closed on ${suspension.appealDeadline.toISOString()}`,
        );
      }
      const initial = initialAppealState();
      const appeal: Appeal = {
        id: newId(),
        suspensionId: suspension.id,
        accountId: suspension.accountId,
        origin: 'appellant',
        status: initial.status,
        level: initial.level,
        statement: input.statement,
        requestedRemedy: input.requestedRemedy,
        assigneeId: null,
        priority: computePriority({
          automatedDecision: suspension.automatedDecision,
          slaBreached: false,
          frozenAmountMinor: suspension.frozenBalance.amountMinor,
          flagged: await this.waveFlags.raisesPriority(tx, suspension),
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
      await this.appeals.insert(tx, appeal);
      // The appeal is new: its chain starts here, with no predecessor to look up or wait for.
      await this.audit.appendFirstEvents(tx, [
        {
          actor,
          action: 'appeal.filed',
          entityType: 'appeal',
          entityId: appeal.id,
          data: {
            suspensionId: suspension.id,
            requestedRemedy: appeal.requestedRemedy,
            priority: appeal.priority,
          },
          at: now,
        },
      ]);
      await this.closeSampleCase(tx, actor, appeal, now);
      await this.transitioner.emit(tx, actor, initial.emits, {
        type: 'appeal.received',
        payload: {
          ...appealSubject(appeal, suspension),
          submittedAt: now.toISOString(),
          decisionDueAt: appeal.decisionDueAt.toISOString(),
        },
      });
      return appeal;
    });
  }

  private async closeSampleCase(tx: Tx, actor: Actor, appeal: Appeal, now: Date): Promise<void> {
    const sample = await this.appeals.lockOpenSampleCase(tx, appeal.suspensionId);
    if (!sample) return;
    await this.transitioner.apply(tx, actor, sample, 'close_into_appeal', now, {
      auditData: { intoAppealId: appeal.id },
    });
    await this.messages.carryOver(tx, sample.id, appeal.id);
  }
}
