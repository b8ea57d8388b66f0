import { Injectable } from '@nestjs/common';
import { cursorTimestamp, decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import type { DsaStatementOfReasons, StatementDecision } from '../domain/statement-of-reasons';

export const SUBMISSION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface DsaSubmissionView {
  id: string;
  statementId: string;
  suspensionId: string;
  decision: StatementDecision;
  puid: string;
  status: SubmissionStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  errors: Record<string, unknown> | null;
  submittedAt: Date | null;
  tdbUuid: string | null;
  permalink: string | null;
  createdAt: Date;
}

export interface ExportedStatement {
  puid: string;
  statement: DsaStatementOfReasons;
}

/** Keyset batches of the export: one batch in memory at a time, whatever the period holds. */
const EXPORT_BATCH = 1000;

@Injectable()
export class DsaSubmissionQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<DsaSubmissionView | null> {
    const [row]: SubmissionRow[] = await this.dataSource.query(`${SELECT_SUBMISSIONS} WHERE sub.id = $1`, [
      id,
    ]);
    return row ? toView(row) : null;
  }

  /** Newest first, optionally of one status; keyset pages on (created_at, id). */
  async list(
    status: SubmissionStatus | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<DsaSubmissionView>> {
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    if (status) where.push(`sub.status = $${params.push(status)}`);
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    if (after)
      where.push(
        `(sub.created_at, sub.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`,
      );
    const rows: (SubmissionRow & { created_key: string })[] = await this.dataSource.query(
      `${SELECT_SUBMISSIONS}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY sub.created_at DESC, sub.id DESC
        LIMIT $1`,
      params,
    );
    return toPage(rows, limit, toView, (r) => [r.created_key, r.id]);
  }

  /** Statements published with from ≤ publishedAt < to, in publication order, a keyset batch at a time. */
  async *published(from: Date, to: Date): AsyncGenerator<ExportedStatement> {
    // the key keeps published_at as PostgreSQL text: a JS Date would drop microseconds and repeat rows
    let after: [string, string] | null = null;
    for (;;) {
      const params: unknown[] = [from, to, EXPORT_BATCH];
      const keyset = after
        ? `AND (published_at, id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`
        : '';
      const rows: { id: string; puid: string; statement: DsaStatementOfReasons; published_key: string }[] =
        await this.dataSource.query(
          `SELECT id, puid, statement, published_at::text AS published_key
             FROM dsa_statements
            WHERE published_at >= $1 AND published_at < $2 ${keyset}
            ORDER BY published_at, id
            LIMIT $3`,
          params,
        );
      for (const r of rows) yield { puid: r.puid, statement: r.statement };
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1];
      after = [last.published_key, last.id];
    }
  }
}

const SELECT_SUBMISSIONS = `
  SELECT sub.id, sub.statement_id, st.suspension_id, st.decision, sub.puid, sub.status, sub.attempts,
         sub.next_attempt_at, sub.last_error, sub.errors, sub.submitted_at, sub.tdb_uuid,
         sub.tdb_permalink, sub.created_at, ${cursorTimestamp('sub.created_at')} AS created_key
    FROM dsa_submissions sub JOIN dsa_statements st ON st.id = sub.statement_id`;

interface SubmissionRow {
  id: string;
  statement_id: string;
  suspension_id: string;
  decision: StatementDecision;
  puid: string;
  status: SubmissionStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  errors: Record<string, unknown> | null;
  submitted_at: Date | null;
  tdb_uuid: string | null;
  tdb_permalink: string | null;
  created_at: Date;
}

const toView = (r: SubmissionRow): DsaSubmissionView => ({
  id: r.id,
  statementId: r.statement_id,
  suspensionId: r.suspension_id,
  decision: r.decision,
  puid: r.puid,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
  lastError: r.last_error,
  errors: r.errors,
  submittedAt: r.submitted_at,
  tdbUuid: r.tdb_uuid,
  permalink: r.tdb_permalink,
  createdAt: r.created_at,
});
