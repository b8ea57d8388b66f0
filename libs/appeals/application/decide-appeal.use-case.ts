import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { UnitOfWork, type Tx } from '@redress/database';
import { Clock, assertVersion, type Actor, type Money } from '@redress/kernel';
import type { OutboxLane } from '@redress/outbox';
import {
  LiftSuspensionUseCase,
  SuspensionStore,
  UpholdSuspension,
  type Suspension,
} from '@redress/suspensions';
import {
  decisionNotifies,
  liftsSuspension,
  upholdsSuspension,
  type Appeal,
  type DecisionOutcome,
} from '../domain/appeal';
import { AppealRepository } from '../persistence/appeal.repository';
import { AppealTransitioner, appealSubject } from './appeal-transitioner';
import { REFUND_PROPOSER, type RefundProposer } from './refund-proposer.port';
import { WaveFlags } from './wave-flags';

export interface DecisionInput {
  outcome: DecisionOutcome;
  rationale: string;
  refund?: { amountMinor: number };
}

/** Who decides: the assignee (decide), the platform lifting the suspension (lift), or a senior for a wave (bulk_decide). */
export type DecidingAction = 'decide' | 'lift' | 'bulk_decide';

export interface DecideOptions {
  /** Wave-wide decisions use the bulk lane so single notices never wait behind them. */
  lane?: OutboxLane;
}

/**
 * A decision and all its effects in one transaction: suspension lifted or upheld, the frozen
 * balance released, an optional refund proposed, the decision notice and the platform event queued.
 */
@Injectable()
export class DecideAppealUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealRepository,
    private readonly suspensions: SuspensionStore,
    private readonly transitioner: AppealTransitioner,
    private readonly lifter: LiftSuspensionUseCase,
    private readonly upholder: UpholdSuspension,
    private readonly waveFlags: WaveFlags,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(REFUND_PROPOSER) private readonly refunds: RefundProposer,
  ) {}

  execute(actor: Actor, id: string, input: DecisionInput, expectedVersion?: number): Promise<Appeal> {
    return this.uow.run(async (tx) => {
      const appeal = await this.appeals.lock(tx, id);
      assertVersion(expectedVersion, appeal.version);
      return this.decideLocked(tx, actor, appeal, 'decide', input);
    });
  }

  /** For callers holding the appeal's row lock in their own transaction (lift, bulk decisions). */
  async decideLocked(
    tx: Tx,
    actor: Actor,
    appeal: Appeal,
    action: DecidingAction,
    input: DecisionInput,
    options: DecideOptions = {},
  ): Promise<Appeal> {
    const now = this.clock.now();
    const lane = options.lane ?? 'default';
    // Right after the appeal's lock, before the transition locks the wave's counters (docs/concurrency.md).
    const suspension = await this.suspensions.lock(tx, appeal.suspensionId);
    const flaggedBefore = await this.waveFlags.isFlagged(tx, appeal.waveId);
    const decision = {
      outcome: input.outcome,
      rationale: input.rationale,
      decidedBy: actor.sub,
      decidedAt: now,
    };
    const applied = await this.transitioner.apply(tx, actor, appeal, action, now, {
      changes: { decision },
      auditData: { outcome: input.outcome, rationale: input.rationale },
    });
    // The refund claims its share of the frozen balance first; a lift then releases only the rest.
    const refund = input.refund ? await this.proposeRefund(tx, actor, appeal, input) : undefined;
    const released = await this.applyToSuspension(tx, actor, suspension, appeal, input, lane);
    const emits = decisionNotifies(appeal, input.outcome) ? applied.emits : [];
    await this.transitioner.emit(tx, actor, emits, {
      type: 'appeal.decided',
      payload: {
        ...appealSubject(applied.appeal, suspension),
        outcome: input.outcome,
        rationale: input.rationale,
        decidedAt: now.toISOString(),
        odsBodyName: this.config.env.ODS_BODY_NAME,
        odsBodyUrl: this.config.env.ODS_BODY_URL,
        ...(released && released.amountMinor > 0 ? { releasedBalance: released } : {}),
        ...(refund ? { refund: refund.amount, refundId: refund.id } : {}),
        ...(appeal.origin === 'sample' ? { origin: 'sample' as const } : {}),
      },
      lane,
    });
    await this.waveFlags.noteChange(tx, appeal.waveId, flaggedBefore);
    return applied.appeal;
  }

  /** Returns what was released to the account, if the decision lifted the suspension. */
  private async applyToSuspension(
    tx: Tx,
    actor: Actor,
    suspension: Suspension,
    appeal: Appeal,
    input: DecisionInput,
    lane: OutboxLane,
  ): Promise<Money | null> {
    // A reopened appeal whose suspension was already lifted cannot lift it again; the new decision is recorded only.
    if (suspension.status !== 'active') return null;
    const reason = `appeal ${appeal.id} ${input.outcome}: ${input.rationale}`;
    if (!liftsSuspension(input.outcome)) {
      if (upholdsSuspension(appeal, input.outcome))
        await this.upholder.upholdLocked(tx, actor, suspension, reason);
      return null;
    }
    const lifted = await this.lifter.liftLocked(tx, actor, suspension, reason, lane);
    return {
      amountMinor: lifted.releasedMinor - suspension.releasedMinor,
      currency: suspension.frozenBalance.currency,
    };
  }

  private async proposeRefund(tx: Tx, actor: Actor, appeal: Appeal, input: DecisionInput) {
    return this.refunds.proposeLocked(tx, actor, {
      suspensionId: appeal.suspensionId,
      appealId: appeal.id,
      amountMinor: input.refund!.amountMinor,
      reason: `Decision on appeal ${appeal.id}: ${input.outcome}`,
    });
  }
}
