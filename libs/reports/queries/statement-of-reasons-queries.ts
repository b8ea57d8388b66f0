import { Injectable } from '@nestjs/common';
import { DomainError } from '@redress/kernel';
import { ReplicaReads } from '@redress/database';
import {
  toStatementOfReasons,
  type DsaStatementOfReasons,
  type StatementDecision,
  type SuspensionForStatement,
} from '../domain/statement-of-reasons';
import { toNumber } from './sql-values';

interface SuspensionRow {
  id: string;
  account_id: string;
  account_email: string;
  status: SuspensionForStatement['status'];
  reason_code: string;
  policy_clause: string;
  statement_of_reasons: string;
  automated_detection: boolean;
  automated_decision: boolean;
  frozen_amount_minor: string;
  currency: string;
  account_created_at: Date | null;
  suspended_at: Date;
  lifted_at: Date | null;
}

/** A statement as published for one decision: it never changes. */
export interface PublishedStatement {
  id: string;
  seq: number;
  decision: StatementDecision;
  puid: string;
  publishedAt: Date;
  statement: DsaStatementOfReasons;
}

interface PublishedRow {
  id: string;
  seq: number;
  decision: StatementDecision;
  puid: string;
  published_at: Date;
  statement: DsaStatementOfReasons;
}

/** The DSA statements of reasons of a suspension: every published one, and the current one. */
@Injectable()
export class StatementOfReasonsQueries {
  constructor(private readonly reads: ReplicaReads) {}

  /** Every statement published for the suspension, first decision first. */
  async publishedFor(suspensionId: string): Promise<PublishedStatement[]> {
    const rows: PublishedRow[] = await this.reads.query(
      `SELECT id, seq, decision, puid, published_at, statement FROM dsa_statements
        WHERE suspension_id = $1 ORDER BY seq`,
      [suspensionId],
    );
    return rows.map(toPublished);
  }

  /**
   * The statement of the latest decision. A suspension from before statements were published has
   * none stored: its statement is built from the row as it stands, with the suspension id as puid.
   */
  async forSuspension(id: string): Promise<DsaStatementOfReasons> {
    const [latest]: { statement: DsaStatementOfReasons }[] = await this.reads.query(
      `SELECT statement FROM dsa_statements WHERE suspension_id = $1 ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    if (latest) return latest.statement;
    const [row]: SuspensionRow[] = await this.reads.query(
      `SELECT id, account_id, account_email, status, reason_code, policy_clause, statement_of_reasons,
              automated_detection, automated_decision, frozen_amount_minor, currency,
              account_created_at, suspended_at, lifted_at
         FROM suspensions
        WHERE id = $1`,
      [id],
    );
    if (!row) throw DomainError.notFound('Suspension');
    return toStatementOfReasons(toSuspensionForStatement(row));
  }
}

const toPublished = (r: PublishedRow): PublishedStatement => ({
  id: r.id,
  seq: r.seq,
  decision: r.decision,
  puid: r.puid,
  publishedAt: r.published_at,
  statement: r.statement,
});

function toSuspensionForStatement(r: SuspensionRow): SuspensionForStatement {
  return {
    id: r.id,
    // account id and e-mail are read only so that the builder can strip them from the free text
    accountId: r.account_id,
    accountEmail: r.account_email,
    status: r.status,
    reasonCode: r.reason_code,
    policyClause: r.policy_clause,
    statementOfReasons: r.statement_of_reasons,
    automatedDetection: r.automated_detection,
    automatedDecision: r.automated_decision,
    frozenBalance: { amountMinor: toNumber(r.frozen_amount_minor), currency: r.currency },
    accountCreatedAt: r.account_created_at,
    suspendedAt: r.suspended_at,
    liftedAt: r.lifted_at,
  };
}
