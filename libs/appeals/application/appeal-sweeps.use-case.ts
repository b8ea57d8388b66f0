import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork, type Tx } from '@redress/database';
import { Clock, SYSTEM_ACTOR } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
import { SuspensionStore } from '@redress/suspensions';
import { computePriority } from '../domain/priority';
import { AppealRepository, type AppealSweep } from '../persistence/appeal.repository';
import { MessageRepository } from '../persistence/message.repository';
import { AppealTransitioner, appealSubject } from './appeal-transitioner';
import { WaveFlags } from './wave-flags';

const BATCH = 100;

/**
 * Time-driven transitions, derived from the database (not from delayed jobs), so they survive worker
 * and Redis restarts: info timeouts, reminders one day before, and SLA breaches. Each appeal is handled
 * in its own transaction; SKIP LOCKED lets several workers sweep side by side.
 */
@Injectable()
export class AppealSweepsUseCase {
  private readonly logger = new Logger(AppealSweepsUseCase.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealRepository,
    private readonly messages: MessageRepository,
    private readonly suspensions: SuspensionStore,
    private readonly transitioner: AppealTransitioner,
    private readonly waveFlags: WaveFlags,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ timedOut: number; reminded: number; breached: number }> {
    return {
      timedOut: await this.infoTimeouts(),
      reminded: await this.reminders(),
      breached: await this.slaBreaches(),
    };
  }

  /** Due appeals, one at a time, each locked and handled in its own transaction. */
  private async each(
    sweep: AppealSweep,
    work: (tx: Tx, id: string, now: Date) => Promise<void>,
  ): Promise<number> {
    let done = 0;
    while (done < BATCH) {
      const now = this.clock.now();
      try {
        const handled = await this.uow.run(async (tx) => {
          const id = await this.appeals.lockNextDue(tx, sweep, now);
          if (id) await work(tx, id, now);
          return id !== null;
        });
        if (!handled) break;
        done += 1;
      } catch (error) {
        // The row stays due and is retried on the next sweep.
        this.logger.error(`appeal sweep failed: ${(error as Error).message}`);
        break;
      }
    }
    return done;
  }

  private infoTimeouts(): Promise<number> {
    return this.each('info_timeout', async (tx, id, now) => {
      const appeal = await this.appeals.lock(tx, id);
      await this.transitioner.apply(tx, SYSTEM_ACTOR, appeal, 'info_timeout', now, {
        auditData: { infoDueAt: appeal.infoDueAt },
      });
      await this.messages.add(tx, {
        appealId: id,
        authorRole: 'system',
        authorId: SYSTEM_ACTOR.sub,
        body: 'No reply arrived by the requested date; the review continues with the information already provided.',
        internal: false,
      });
    });
  }

  private reminders(): Promise<number> {
    return this.each('info_reminder', async (tx, id, now) => {
      const appeal = await this.appeals.lock(tx, id);
      const suspension = await this.suspensions.find(tx, appeal.suspensionId);
      if (!suspension || !appeal.infoDueAt) return;
      await this.appeals.markReminded(tx, id, now);
      await this.outbox.append(tx, {
        type: 'appeal.info_reminder',
        payload: { ...appealSubject(appeal, suspension), infoDueAt: appeal.infoDueAt.toISOString() },
      });
    });
  }

  private slaBreaches(): Promise<number> {
    return this.each('sla_breach', async (tx, id, now) => {
      const appeal = await this.appeals.lock(tx, id);
      const suspension = await this.suspensions.find(tx, appeal.suspensionId);
      if (!suspension) return;
      const priority = computePriority({
        automatedDecision: suspension.automatedDecision,
        slaBreached: true,
        frozenAmountMinor: suspension.frozenBalance.amountMinor,
        flagged: await this.waveFlags.raisesPriority(tx, suspension),
      });
      const updated = await this.appeals.update(tx, id, { slaBreached: true, priority });
      await this.audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'appeal.sla_breached',
        entityType: 'appeal',
        entityId: id,
        data: { decisionDueAt: appeal.decisionDueAt.toISOString(), priority },
        at: now,
      });
      await this.outbox.append(tx, {
        type: 'sla.breached',
        payload: {
          appealId: id,
          suspensionId: appeal.suspensionId,
          level: updated.level,
          priority,
          decisionDueAt: appeal.decisionDueAt.toISOString(),
          ...(updated.assigneeId ? { assigneeId: updated.assigneeId } : {}),
        },
      });
    });
  }
}
