import { Injectable } from '@nestjs/common';
import { DomainError } from '@redress/kernel';
import { DataSource } from 'typeorm';
import {
  toStatementOfReasons,
  type DsaStatementOfReasons,
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

/** The DSA statement of reasons of one suspension, built from its row as it stands now. */
@Injectable()
export class StatementOfReasonsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async forSuspension(id: string): Promise<DsaStatementOfReasons> {
    const [row]: SuspensionRow[] = await this.dataSource.query(
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
