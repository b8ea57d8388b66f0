import { Injectable } from '@nestjs/common';
import { insertRows, type Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import type { DsaStatementOfReasons } from '../domain/dsa-statement';

export interface DueSubmission {
  id: string;
  puid: string;
  attempts: number;
  statement: DsaStatementOfReasons;
}

export interface Acceptance {
  id: string;
  tdbUuid: string | null;
  permalink: string | null;
}

/**
 * The submission state machine's writes (the table's trigger allows only pending → accepted |
 * rejected and rejected → pending; accepted is final, and an accepted puid is unique).
 */
@Injectable()
export class DsaSubmissionRepository {
  async insertPending(tx: Tx, rows: { id: string; statementId: string; puid: string }[]): Promise<void> {
    await insertRows(tx, {
      table: 'dsa_submissions',
      columns: ['id', 'statement_id', 'puid'],
      rows,
      values: (r) => [r.id, r.statementId, r.puid],
    });
  }

  /**
   * Up to `limit` pending submissions that are due, locked for the caller's transaction; others
   * skip them, so two workers never send the same statement at once.
   */
  claimDue(tx: Tx, limit: number): Promise<DueSubmission[]> {
    return tx.query(
      `SELECT sub.id, sub.puid, sub.attempts, st.statement
         FROM dsa_submissions sub JOIN dsa_statements st ON st.id = sub.statement_id
        WHERE sub.status = 'pending' AND sub.next_attempt_at <= now()
        ORDER BY sub.next_attempt_at, sub.id
        LIMIT $1
        FOR UPDATE OF sub SKIP LOCKED`,
      [limit],
    );
  }

  async accept(tx: Tx, accepted: Acceptance[]): Promise<void> {
    if (accepted.length === 0) return;
    await tx.query(
      `UPDATE dsa_submissions sub
          SET status = 'accepted', submitted_at = now(), updated_at = now(), attempts = attempts + 1,
              tdb_uuid = a.tdb_uuid, tdb_permalink = a.permalink, last_error = NULL
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS a (id, tdb_uuid, permalink)
        WHERE sub.id = a.id`,
      [accepted.map((a) => a.id), accepted.map((a) => a.tdbUuid), accepted.map((a) => a.permalink)],
    );
  }

  async reject(tx: Tx, rejected: { id: string; errors: Record<string, unknown> }[]): Promise<void> {
    if (rejected.length === 0) return;
    await tx.query(
      `UPDATE dsa_submissions sub
          SET status = 'rejected', errors = r.errors, updated_at = now(), attempts = attempts + 1,
              last_error = 'rejected by the Transparency Database rules'
         FROM unnest($1::uuid[], $2::jsonb[]) AS r (id, errors)
        WHERE sub.id = r.id`,
      [rejected.map((r) => r.id), rejected.map((r) => JSON.stringify(r.errors))],
    );
  }

  /** Pending again, due after `delayMs` each (0: at once), with why. */
  async reschedule(tx: Tx, later: { id: string; delayMs: number; reason: string }[]): Promise<void> {
    if (later.length === 0) return;
    await tx.query(
      `UPDATE dsa_submissions sub
          SET next_attempt_at = now() + l.delay_ms * interval '1 millisecond', last_error = l.reason,
              attempts = attempts + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::text[]) AS l (id, delay_ms, reason)
        WHERE sub.id = l.id`,
      [later.map((l) => l.id), later.map((l) => l.delayMs), later.map((l) => l.reason)],
    );
  }

  /** A rejected submission pending again, due at once; anything else is 409 invalid_transition. */
  async retry(tx: Tx, id: string): Promise<void> {
    const [row]: { status: string }[] = await tx.query(
      `SELECT status FROM dsa_submissions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw DomainError.notFound('Submission');
    if (row.status !== 'rejected') {
      throw new DomainError(
        'invalid_transition',
        `submission is ${row.status}; only a rejected one can be retried`,
      );
    }
    await tx.query(
      `UPDATE dsa_submissions SET status = 'pending', next_attempt_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
  }
}
