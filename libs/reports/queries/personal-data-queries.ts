import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  ExportedAppeal,
  ExportedBookBalance,
  ExportedEvidence,
  ExportedLedgerEntry,
  ExportedMessage,
  ExportedNotification,
  ExportedRefund,
  ExportedSuspension,
} from '../domain/personal-data-export';
import type {
  AppealRow,
  BalanceRow,
  EntryRow,
  EvidenceRow,
  MessageRow,
  NotificationRow,
  RefundRow,
  SuspensionRow,
} from './personal-data-rows';
import { toIso, toIsoOrNull, toNumber } from './sql-values';

/**
 * One account's data, section by section, newest first, at most `limit` rows each. The column lists
 * are the appellant's view and nothing more: signals, internal notes and evidence, staff ids, e-mail
 * delivery internals and storage locations are never selected, so they cannot leak by a mapping slip.
 */
@Injectable()
export class PersonalDataQueries {
  async suspensions(
    db: EntityManager,
    accountId: string,
    now: Date,
    limit: number,
  ): Promise<ExportedSuspension[]> {
    const rows = await db.query(
      `SELECT id, status, reason_code, policy_clause, statement_of_reasons, automated_detection,
              automated_decision, frozen_amount_minor, currency, locale, suspended_at, notice_sent_at,
              appeal_deadline, lifted_at, version,
              (status = 'active' AND appeal_deadline > $2) AS appealable
         FROM suspensions
        WHERE account_id = $1
        ORDER BY suspended_at DESC, id DESC
        LIMIT $3`,
      [accountId, now, limit],
    );
    return rows.map((r: SuspensionRow) => ({
      id: r.id,
      status: r.status,
      reasonCode: r.reason_code,
      policyClause: r.policy_clause,
      statementOfReasons: r.statement_of_reasons,
      automatedDetection: r.automated_detection,
      automatedDecision: r.automated_decision,
      frozenBalance: { amountMinor: toNumber(r.frozen_amount_minor), currency: r.currency },
      locale: r.locale,
      suspendedAt: toIso(r.suspended_at),
      noticeSentAt: toIsoOrNull(r.notice_sent_at),
      appealDeadline: toIso(r.appeal_deadline),
      appealable: r.appealable,
      liftedAt: toIsoOrNull(r.lifted_at),
      version: r.version,
    }));
  }

  async appeals(db: EntityManager, accountId: string, limit: number): Promise<ExportedAppeal[]> {
    const rows = await db.query(
      `SELECT id, suspension_id, status, level, statement, requested_remedy,
              assignee_id IS NOT NULL AS assigned, submitted_at, info_due_at, decision_due_at,
              sla_breached, decision_outcome, decision_rationale, decided_at, version
         FROM appeals
        WHERE account_id = $1
        ORDER BY submitted_at DESC, id DESC
        LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((r: AppealRow) => ({
      id: r.id,
      suspensionId: r.suspension_id,
      status: r.status,
      level: r.level,
      statement: r.statement,
      requestedRemedy: r.requested_remedy,
      assigned: r.assigned,
      submittedAt: toIso(r.submitted_at),
      infoDueAt: toIsoOrNull(r.info_due_at),
      decisionDueAt: toIso(r.decision_due_at),
      slaBreached: r.sla_breached,
      decision: r.decision_outcome
        ? {
            outcome: r.decision_outcome,
            rationale: r.decision_rationale ?? '',
            decidedAt: toIso(r.decided_at!),
          }
        : null,
      version: r.version,
    }));
  }

  /** The threads of the account's appeals without internal notes; no author ids at all. */
  async messages(db: EntityManager, accountId: string, limit: number): Promise<ExportedMessage[]> {
    const rows = await db.query(
      `SELECT m.id, m.appeal_id, m.author_role, m.body, m.created_at
         FROM appeal_messages m
         JOIN appeals a ON a.id = m.appeal_id
        WHERE a.account_id = $1 AND NOT m.internal
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((r: MessageRow) => ({
      id: r.id,
      appealId: r.appeal_id,
      authorRole: r.author_role,
      body: r.body,
      createdAt: toIso(r.created_at),
    }));
  }

  /** Metadata of the non-internal files on the account's appeals; never the uploader's id. */
  async evidence(db: EntityManager, accountId: string, limit: number): Promise<ExportedEvidence[]> {
    const rows = await db.query(
      `SELECT e.id, e.appeal_id, e.submitted_by, e.file_name, e.content_type, e.size_bytes, e.sha256,
              e.description, e.created_at
         FROM evidence e
         JOIN appeals a ON a.id = e.appeal_id
        WHERE a.account_id = $1 AND NOT e.internal
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((r: EvidenceRow) => ({
      id: r.id,
      appealId: r.appeal_id,
      submittedBy: r.submitted_by,
      fileName: r.file_name,
      contentType: r.content_type,
      sizeBytes: toNumber(r.size_bytes),
      sha256: r.sha256,
      description: r.description,
      createdAt: toIso(r.created_at),
    }));
  }

  /** Refunds without who proposed, approved or rejected them, and without staff-written reasons. */
  async refunds(db: EntityManager, accountId: string, limit: number): Promise<ExportedRefund[]> {
    const rows = await db.query(
      `SELECT id, suspension_id, appeal_id, amount_minor, currency, status, provider_ref,
              created_at, approved_at, paid_at, version
         FROM refunds
        WHERE account_id = $1
        ORDER BY created_at DESC, id DESC
        LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((r: RefundRow) => ({
      id: r.id,
      suspensionId: r.suspension_id,
      appealId: r.appeal_id,
      amount: { amountMinor: toNumber(r.amount_minor), currency: r.currency },
      status: r.status,
      providerRef: r.provider_ref,
      createdAt: toIso(r.created_at),
      approvedAt: toIsoOrNull(r.approved_at),
      paidAt: toIsoOrNull(r.paid_at),
      version: r.version,
    }));
  }

  async bookBalances(db: EntityManager, accountId: string): Promise<ExportedBookBalance[]> {
    const rows = await db.query(
      `SELECT book, currency, balance_minor FROM ledger_balances WHERE account_id = $1 ORDER BY book, currency`,
      [accountId],
    );
    return rows.map((r: BalanceRow) => ({
      book: r.book,
      currency: r.currency,
      amountMinor: toNumber(r.balance_minor),
    }));
  }

  /**
   * Entries that touch the account's books. Their other legs are system books; a leg of another
   * account (which the ledger never writes into such an entry) would be left out all the same.
   */
  async ledgerEntries(db: EntityManager, accountId: string, limit: number): Promise<ExportedLedgerEntry[]> {
    const rows = await db.query(
      `SELECT e.id, e.seq, e.kind, e.currency, e.suspension_id, e.refund_id, e.created_at,
              (SELECT json_agg(json_build_object('book', l.book, 'accountId', l.account_id, 'amountMinor', l.amount_minor)
                               ORDER BY l.leg_no)
                 FROM ledger_legs l
                WHERE l.entry_id = e.id AND (l.account_id IS NULL OR l.account_id = $1)) AS legs
         FROM ledger_entries e
        WHERE e.id IN (SELECT entry_id FROM ledger_legs WHERE account_id = $1)
        ORDER BY e.seq DESC
        LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((r: EntryRow) => ({
      id: r.id,
      seq: toNumber(r.seq),
      kind: r.kind,
      currency: r.currency,
      suspensionId: r.suspension_id,
      refundId: r.refund_id,
      createdAt: toIso(r.created_at),
      legs: (r.legs ?? []).map((l) => ({
        book: l.book,
        accountId: l.accountId,
        amountMinor: toNumber(l.amountMinor),
      })),
    }));
  }

  /** The in-app inbox: every notice the account was sent (e-mail and webhook copies carry the same events). */
  async notifications(db: EntityManager, accountId: string, limit: number): Promise<ExportedNotification[]> {
    const rows = await db.query(
      `SELECT id, event_id, template, locale, subject, body, appeal_id, suspension_id, created_at
         FROM notifications
        WHERE recipient = $1 AND recipient_type = 'account' AND channel = 'inbox'
        ORDER BY created_at DESC, id DESC
        LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((r: NotificationRow) => ({
      id: r.id,
      eventId: r.event_id,
      template: r.template,
      locale: r.locale,
      subject: r.subject,
      body: r.body,
      appealId: r.appeal_id,
      suspensionId: r.suspension_id,
      createdAt: toIso(r.created_at),
    }));
  }
}
