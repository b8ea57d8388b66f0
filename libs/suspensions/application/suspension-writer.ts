import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { AppConfig } from '@redress/config';
import type { Tx } from '@redress/database';
import { DAY_MS, DomainError, addMs, newId, type Actor } from '@redress/kernel';
import { freezeEntry, LedgerQueries, LedgerService } from '@redress/ledger';
import { Outbox, type OutboxLane } from '@redress/outbox';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { frozenAmountProblems, holdingKey } from '../domain/frozen-amounts';
import { suspensionNoticePayload } from '../domain/notice';
import type { NewSuspension, Suspension } from '../domain/suspension';
import { waveDetector } from '../domain/wave';
import { WaveRepository } from '../persistence/wave.repository';
import { StatementPublisherSlot } from './statement-publisher.port';

export const DEFAULT_CURRENCY = 'USD';

/** What one new suspension and the batch ingest share: building the row and recording its effects. */
@Injectable()
export class SuspensionWriter {
  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly ledger: LedgerService,
    private readonly ledgerQueries: LedgerQueries,
    private readonly waves: WaveRepository,
    private readonly config: AppConfig,
    private readonly statements: StatementPublisherSlot,
  ) {}

  /** The suspension as it will be stored, and the hash of the request that decides idempotent repeats. */
  build(actor: Actor, input: NewSuspension, now: Date): { suspension: Suspension; payloadHash: string } {
    const suspendedAt = input.suspendedAt ?? now;
    const suspension: Suspension = {
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
      detector: input.detector ?? null,
      waveId: input.waveId ?? null,
      frozenBalance: input.frozenBalance ?? { amountMinor: 0, currency: DEFAULT_CURRENCY },
      releasedMinor: 0,
      accountEmail: input.accountEmail,
      locale: input.locale ?? 'en',
      accountCreatedAt: input.accountCreatedAt ?? null,
      suspendedAt,
      noticeSentAt: null,
      // from receipt when backdated: a suspension reported late still gets the whole window to appeal
      appealDeadline: addMs(
        new Date(Math.max(suspendedAt.getTime(), now.getTime())),
        this.config.env.APPEAL_WINDOW_DAYS * DAY_MS,
      ),
      liftedAt: null,
      liftReason: null,
      createdAt: now,
      version: 1,
    };
    let hash: string | undefined;
    return {
      suspension,
      // computed when first read: a ban wave's rows hash as they stream to PostgreSQL, not before
      get payloadHash() {
        return (hash ??= payloadHash(input));
      },
    };
  }

  /** Refuses an unknown wave; suspensions that name no detector get the wave's. */
  async applyWave(tx: Tx, waveId: string, suspensions: Suspension[]): Promise<void> {
    const wave = await this.waves.find(tx, waveId);
    if (!wave) {
      throw new DomainError('validation_failed', 'waveId does not name an existing ban wave', [
        { field: 'waveId', message: 'unknown wave' },
      ]);
    }
    for (const suspension of suspensions) suspension.detector ??= waveDetector(wave);
  }

  /**
   * Refuses new suspensions whose frozen balances cannot be held (frozenAmountProblems) with 422
   * amount_out_of_range, so the caller's transaction writes nothing; called before recordCreated, whose
   * ledger postings would otherwise overflow. What an account already holds is its account books' balance.
   */
  async assertAmountsFit(
    tx: Tx,
    created: Suspension[],
    fieldOf: (suspension: Suspension) => string,
  ): Promise<void> {
    const freezing = created.filter((s) => s.frozenBalance.amountMinor > 0);
    if (freezing.length === 0) return;
    const holdings = await this.ledgerQueries.accountHoldings(
      tx,
      freezing.map((s) => ({ accountId: s.accountId, currency: s.frozenBalance.currency })),
    );
    const held = new Map(holdings.map((h) => [holdingKey(h.accountId, h.currency), h.heldMinor]));
    const problems = frozenAmountProblems(created, held, fieldOf);
    if (problems.length === 0) return;
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DomainError(
      'amount_out_of_range',
      `A frozen balance cannot be held: ${first.field} ${first.message}${more}`,
      problems,
    );
  }

  /**
   * The effects of new suspensions, set-based: first audit events, the frozen balances moved out of
   * billing (platform_balance → customer_frozen; nothing for zero), the notices and the statements of
   * reasons.
   */
  async recordCreated(
    tx: Tx,
    actor: Actor,
    created: Suspension[],
    lane: OutboxLane = 'default',
  ): Promise<void> {
    if (created.length === 0) return;
    await this.audit.appendFirstEvents(
      tx,
      created.map((s) => ({
        actor,
        action: 'suspension.created',
        entityType: 'suspension',
        entityId: s.id,
        data: auditData(s),
        at: s.createdAt,
      })),
    );
    await this.ledger.postMany(
      tx,
      created.map((s) => ({
        draft: freezeEntry(s.accountId, s.frozenBalance),
        refs: { suspensionId: s.id },
      })),
    );
    await this.outbox.appendMany(
      tx,
      created.map((s) => ({
        type: 'suspension.noticed',
        payload: suspensionNoticePayload(s),
        lane,
        requestId: actor.requestId,
      })),
    );
    await this.statements.publish(
      tx,
      created.map((suspension) => ({ suspension, kind: 'suspension', takenAt: suspension.suspendedAt })),
    );
  }
}

/**
 * What decides whether a repeated externalRef is the same request: the fields in a fixed order (the
 * Record type makes a new field impossible to forget), so only the free-form signals need canonical
 * JSON — a ban wave hashes 25,000 of these.
 */
function payloadHash(input: NewSuspension): string {
  const content: Record<keyof NewSuspension, unknown> = {
    accountId: input.accountId,
    externalRef: input.externalRef,
    reasonCode: input.reasonCode,
    policyClause: input.policyClause,
    statementOfReasons: input.statementOfReasons,
    automatedDetection: input.automatedDetection,
    automatedDecision: input.automatedDecision,
    signals: input.signals && canonicalize(input.signals),
    detector: input.detector && [input.detector.name, input.detector.version],
    waveId: input.waveId,
    frozenBalance: input.frozenBalance && [input.frozenBalance.amountMinor, input.frozenBalance.currency],
    accountEmail: input.accountEmail,
    locale: input.locale,
    accountCreatedAt: input.accountCreatedAt,
    suspendedAt: input.suspendedAt,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
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
    detector: s.detector,
    frozenBalance: s.frozenBalance,
    suspendedAt: s.suspendedAt.toISOString(),
    appealDeadline: s.appealDeadline.toISOString(),
  };
}
