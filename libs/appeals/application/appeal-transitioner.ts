import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import type { Tx } from '@redress/database';
import type { Actor, AppealSubject } from '@redress/kernel';
import { Outbox, type OutboxMessage } from '@redress/outbox';
import type { Suspension } from '@redress/suspensions';
import { transition, type AppealAction, type AppealEventType } from '../domain/appeal-state-machine';
import type { Appeal } from '../domain/appeal';
import { computePriority } from '../domain/priority';
import { clockAfterTransition } from '../domain/sla';
import { AppealRepository, type AppealChanges, type AppealContext } from '../persistence/appeal.repository';

export interface AppliedTransition {
  appeal: Appeal;
  suspension: Suspension;
  emits: AppealEventType[];
}

/**
 * The one place an appeal changes state: runs the state machine, moves the SLA clock, recomputes the
 * priority and records the audit event, inside the caller's transaction (the appeal already locked).
 */
@Injectable()
export class AppealTransitioner {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async apply(
    tx: Tx,
    actor: Actor,
    appeal: Appeal,
    action: AppealAction,
    now: Date,
    extra: {
      changes?: AppealChanges;
      auditData?: Record<string, unknown>;
      /** Already read with the appeal (a claim): saves the statement that reads it. */
      context?: AppealContext;
    } = {},
  ): Promise<AppliedTransition> {
    const snapshot = { ...appeal, decidedAt: appeal.decision?.decidedAt ?? null };
    const result = transition(snapshot, action, { actor, now });
    const clock = clockAfterTransition(appeal, appeal.status, result.status, now);
    const { suspension, flagged } = extra.context ?? (await this.appeals.transitionContext(tx, appeal.id));
    const changes: AppealChanges = {
      status: result.status,
      level: result.level,
      assigneeId: result.assigneeId,
      decisionDueAt: clock.decisionDueAt,
      clockPausedAt: clock.clockPausedAt,
      ...extra.changes,
    };
    changes.priority = computePriority({
      automatedDecision: suspension.automatedDecision,
      slaBreached: changes.slaBreached ?? appeal.slaBreached,
      frozenAmountMinor: suspension.frozenBalance.amountMinor,
      flagged,
    });
    const updated = await this.appeals.update(tx, appeal.id, changes);
    await this.audit.append(tx, {
      actor,
      action: `appeal.${action}`,
      entityType: 'appeal',
      entityId: appeal.id,
      data: {
        from: appeal.status,
        to: updated.status,
        level: updated.level,
        assigneeId: updated.assigneeId,
        ...extra.auditData,
      },
      at: now,
    });
    return { appeal: updated, suspension, emits: result.emits };
  }

  /** Queues the notice if the transition emits its type: the state machine decides which notices a step sends. */
  async emit(
    tx: Tx,
    actor: Actor,
    emits: readonly AppealEventType[],
    message: OutboxMessage<AppealEventType>,
  ): Promise<void> {
    if (emits.includes(message.type))
      await this.outbox.append(tx, { ...message, requestId: actor.requestId });
  }
}

/** What every appeal notice carries to reach the appellant. */
export const appealSubject = (appeal: Appeal, suspension: Suspension): AppealSubject => ({
  appealId: appeal.id,
  suspensionId: appeal.suspensionId,
  accountId: appeal.accountId,
  accountEmail: suspension.accountEmail,
  locale: suspension.locale,
});
