import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { AppConfig } from '@redress/config';
import type { Tx } from '@redress/database';
import { DAY_MS, DomainError, addMs, newId, type Actor } from '@redress/kernel';
import { ACCOUNT_BOOKS, freezeEntry, LedgerService } from '@redress/ledger';
import { Outbox, type OutboxLane } from '@redress/outbox';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { frozenAmountProblems, holdingKey } from '../domain/frozen-amounts';
import { suspensionNoticePayload } from '../domain/notice';
import type { NewSuspension, Suspension } from '../domain/suspension';

export const DEFAULT_CURRENCY = 'USD';

/** What one new suspension and the batch ingest share: building the row and recording its effects. */
@Injectable()
export class SuspensionWriter {
  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly ledger: LedgerService,
    private readonly config: AppConfig,
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

  async assertWaveExists(tx: Tx, waveId: string): Promise<void> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM waves WHERE id = $1', [waveId]);
    if (rows.length === 0) {
      throw new DomainError('validation_failed', 'waveId does not name an existing ban wave', [
        { field: 'waveId', message: 'unknown wave' },
      ]);
    }
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
    const rows: { account_id: string; currency: string; held: string }[] = await tx.query(
      `SELECT account_id, currency, sum(balance_minor)::text AS held FROM ledger_balances
        WHERE book = ANY($1) AND (account_id, currency) IN (SELECT * FROM unnest($2::text[], $3::text[]))
        GROUP BY account_id, currency`,
      [ACCOUNT_BOOKS, freezing.map((s) => s.accountId), freezing.map((s) => s.frozenBalance.currency)],
    );
    const held = new Map(rows.map((r) => [holdingKey(r.account_id, r.currency), Number(r.held)]));
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
   * billing (platform_balance → customer_frozen; nothing for zero), and the notices.
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
    frozenBalance: s.frozenBalance,
    suspendedAt: s.suspendedAt.toISOString(),
    appealDeadline: s.appealDeadline.toISOString(),
  };
}
