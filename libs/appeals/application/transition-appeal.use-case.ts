import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork, type Tx } from '@redress/database';
import { Clock, HOUR_MS, addMs, assertVersion, hasRole, type Actor } from '@redress/kernel';
import { StatementPublisherSlot, SuspensionStore } from '@redress/suspensions';
import { assertSeesAppeal, type Appeal } from '../domain/appeal';
import { infoDueAt } from '../domain/sla';
import { AppealRepository } from '../persistence/appeal.repository';
import { MessageRepository } from '../persistence/message.repository';
import { AppealTransitioner, appealSubject } from './appeal-transitioner';

export type SimpleAction = 'claim' | 'release' | 'withdraw';

/**
 * The transitions other than decide: one transaction each, the appeal row locked, If-Match
 * honoured. Appellants only ever see their own appeals, so for them "not yours" is a 404.
 */
@Injectable()
export class TransitionAppealUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealRepository,
    private readonly messages: MessageRepository,
    private readonly suspensions: SuspensionStore,
    private readonly transitioner: AppealTransitioner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly statements: StatementPublisherSlot,
  ) {}

  simple(actor: Actor, id: string, action: SimpleAction, expectedVersion?: number): Promise<Appeal> {
    return this.run(actor, id, expectedVersion, async (tx, appeal, now) => {
      const { appeal: updated } = await this.transitioner.apply(tx, actor, appeal, action, now);
      return updated;
    });
  }

  requestInfo(
    actor: Actor,
    id: string,
    input: { message: string; dueInDays?: number },
    expectedVersion?: number,
  ): Promise<Appeal> {
    return this.run(actor, id, expectedVersion, async (tx, appeal, now) => {
      const due = infoDueAt(now, input.dueInDays);
      const applied = await this.transitioner.apply(tx, actor, appeal, 'request_info', now, {
        changes: { infoDueAt: due, infoRemindedAt: null },
        auditData: { infoDueAt: due.toISOString() },
      });
      await this.messages.add(tx, {
        appealId: id,
        authorRole: staffRole(actor),
        authorId: actor.sub,
        body: input.message,
        internal: false,
      });
      await this.transitioner.emit(tx, actor, applied.emits, {
        type: 'appeal.info_requested',
        payload: {
          ...appealSubject(applied.appeal, applied.suspension),
          message: input.message,
          infoDueAt: due.toISOString(),
        },
      });
      return applied.appeal;
    });
  }

  escalate(actor: Actor, id: string, reason: string, expectedVersion?: number): Promise<Appeal> {
    return this.run(actor, id, expectedVersion, async (tx, appeal, now) => {
      const applied = await this.transitioner.apply(tx, actor, appeal, 'escalate', now, {
        auditData: { reason },
      });
      await this.messages.add(tx, {
        appealId: id,
        authorRole: staffRole(actor),
        authorId: actor.sub,
        body: `Escalated: ${reason}`,
        internal: true,
      });
      return applied.appeal;
    });
  }

  /** A senior reopens a decision: the review starts again at level 2 with a fresh SLA (a choice docs/appeals.md explains). */
  reopen(actor: Actor, id: string, reason: string, expectedVersion?: number): Promise<Appeal> {
    return this.run(actor, id, expectedVersion, async (tx, appeal, now) => {
      // The suspension may change below: locked before the transition locks the wave's counters (docs/concurrency.md).
      await this.suspensions.lock(tx, appeal.suspensionId);
      const applied = await this.transitioner.apply(tx, actor, appeal, 'reopen', now, {
        changes: {
          decision: null,
          slaBreached: false,
          decisionDueAt: addMs(now, this.config.env.APPEAL_DECISION_SLA_HOURS * HOUR_MS),
          clockPausedAt: null,
        },
        auditData: { reason, previousDecision: appeal.decision },
      });
      // An upheld suspension is under review again; a lifted one stays lifted (money released cannot be re-frozen).
      if (applied.suspension.status === 'upheld') {
        const suspended = await this.suspensions.update(tx, applied.suspension.id, { status: 'active' });
        await this.statements.publish(tx, [{ suspension: suspended, kind: 'reopening', takenAt: now }]);
      }
      await this.transitioner.emit(tx, actor, applied.emits, {
        type: 'appeal.reopened',
        payload: {
          ...appealSubject(applied.appeal, applied.suspension),
          reopenReason: reason,
          reopenedAt: now.toISOString(),
        },
      });
      return applied.appeal;
    });
  }

  private run(
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
    work: (tx: Tx, appeal: Appeal, now: Date) => Promise<Appeal>,
  ): Promise<Appeal> {
    return this.uow.run(async (tx) => {
      const appeal = await this.appeals.lock(tx, id);
      assertSeesAppeal(actor, appeal);
      assertVersion(expectedVersion, appeal.version);
      return work(tx, appeal, this.clock.now());
    });
  }
}

export const staffRole = (actor: Actor): 'reviewer' | 'senior_reviewer' =>
  hasRole(actor, 'senior_reviewer') ? 'senior_reviewer' : 'reviewer';
