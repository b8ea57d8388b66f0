import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { AppConfig } from '@redress/config';
import { UnitOfWork, type Tx } from '@redress/database';
import { Clock, DAY_MS, DomainError, addMs, newId, type Actor } from '@redress/kernel';
import { Outbox } from '@redress/outbox';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { suspensionNoticePayload } from '../domain/notice';
import type { NewSuspension, Suspension } from '../domain/suspension';
import { SuspensionRepository } from '../persistence/suspension.repository';

export const DEFAULT_CURRENCY = 'USD';

export interface CreateSuspensionResult {
  suspension: Suspension;
  created: boolean;
}

/** Suspends one account; idempotent on (enforcement system, externalRef). */
@Injectable()
export class CreateSuspensionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly suspensions: SuspensionRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: NewSuspension): Promise<CreateSuspensionResult> {
    const payloadHash = createHash('sha256')
      .update(canonicalize(input) ?? '')
      .digest('hex');
    const suspension = this.build(actor, input);
    return this.uow.run(async (tx) => {
      if (input.waveId) await this.assertWaveExists(tx, input.waveId);
      const inserted = await this.suspensions.insertIfNew(tx, suspension, payloadHash);
      if (!inserted) {
        const existing = await this.suspensions.findByExternalRef(tx, actor.sub, input.externalRef);
        if (!existing || existing.payloadHash !== payloadHash) {
          throw new DomainError(
            'external_ref_conflict',
            `externalRef ${input.externalRef} was already used for a different suspension`,
          );
        }
        const { payloadHash: _, ...unchanged } = existing;
        return { suspension: unchanged, created: false };
      }
      await this.audit.appendFirstEvents(tx, [
        {
          actor,
          action: 'suspension.created',
          entityType: 'suspension',
          entityId: suspension.id,
          data: auditData(suspension),
        },
      ]);
      await this.outbox.append(tx, {
        type: 'suspension.noticed',
        payload: suspensionNoticePayload(suspension),
        requestId: actor.requestId,
      });
      return { suspension, created: true };
    });
  }

  private build(actor: Actor, input: NewSuspension): Suspension {
    const now = this.clock.now();
    const suspendedAt = input.suspendedAt ?? now;
    return {
      id: newId(),
      accountId: input.accountId,
      source: actor.sub,
      externalRef: input.externalRef,
      status: 'active',
      reasonCode: input.reasonCode,
      policyClause: input.policyClause,
      statementOfReasons: input.statementOfReasons,
      automatedDetection: input.automatedDetection,
      automatedDecision: input.automatedDecision,
      signals: input.signals ?? {},
      waveId: input.waveId ?? null,
      frozenBalance: input.frozenBalance ?? { amountMinor: 0, currency: DEFAULT_CURRENCY },
      releasedMinor: 0,
      accountEmail: input.accountEmail,
      locale: input.locale ?? 'en',
      accountCreatedAt: input.accountCreatedAt ?? null,
      suspendedAt,
      noticeSentAt: null,
      appealDeadline: addMs(suspendedAt, this.config.env.APPEAL_WINDOW_DAYS * DAY_MS),
      liftedAt: null,
      liftReason: null,
      createdAt: now,
      version: 1,
    };
  }

  private async assertWaveExists(tx: Tx, waveId: string): Promise<void> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM waves WHERE id = $1', [waveId]);
    if (rows.length === 0) {
      throw new DomainError('validation_failed', 'waveId does not name an existing ban wave', [
        { field: 'waveId', message: 'unknown wave' },
      ]);
    }
  }
}

/** The audit event records the enforcement facts, not the detector signals or personal data. */
function auditData(s: Suspension): Record<string, unknown> {
  return {
    accountId: s.accountId,
    externalRef: s.externalRef,
    reasonCode: s.reasonCode,
    policyClause: s.policyClause,
    automatedDetection: s.automatedDetection,
    automatedDecision: s.automatedDecision,
    waveId: s.waveId,
    frozenBalance: s.frozenBalance,
    suspendedAt: s.suspendedAt.toISOString(),
    appealDeadline: s.appealDeadline.toISOString(),
  };
}
