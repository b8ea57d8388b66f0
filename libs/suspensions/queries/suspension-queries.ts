import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, decodeCursor, toPage, type Actor, type Locale, type Page } from '@redress/kernel';
import { seesSuspension, type Suspension } from '../domain/suspension';
import { rowToSuspension, SUSPENSION_COLUMNS, type SuspensionRow } from '../persistence/suspension-row';

/** An account whose suspensions carry an e-mail address, with its latest such suspension. */
export interface AccountAtAddress {
  accountId: string;
  accountEmail: string;
  locale: Locale;
  suspensionId: string;
}

/** At most this many accounts are reached through one address in one request. */
const ACCOUNTS_PER_ADDRESS = 20;

@Injectable()
export class SuspensionQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<Suspension | null> {
    const [row]: SuspensionRow[] = await this.dataSource.query(
      `SELECT ${SUSPENSION_COLUMNS} FROM suspensions s WHERE s.id = $1`,
      [id],
    );
    return row ? rowToSuspension(row) : null;
  }

  /** The suspension if `actor` may see it (seesSuspension); anyone else's is answered as missing, a 404. */
  async getVisible(actor: Actor, id: string): Promise<Suspension> {
    const suspension = await this.get(id);
    if (!suspension || !seesSuspension(actor, suspension)) throw DomainError.notFound('Suspension');
    return suspension;
  }

  /**
   * The accounts whose suspensions carry `email` (compared without case), one row each with its latest
   * suspension; only the one named when `suspensionId` is given.
   */
  async accountsAtAddress(email: string, suspensionId?: string): Promise<AccountAtAddress[]> {
    const params: unknown[] = [email, ACCOUNTS_PER_ADDRESS];
    return this.dataSource.query(
      `SELECT DISTINCT ON (s.account_id) s.account_id AS "accountId", s.account_email AS "accountEmail",
              s.locale, s.id AS "suspensionId"
         FROM suspensions s
        WHERE lower(s.account_email) = lower($1)
          ${suspensionId ? `AND s.id = $${params.push(suspensionId)}::uuid` : ''}
        ORDER BY s.account_id, s.suspended_at DESC, s.id DESC
        LIMIT $2`,
      params,
    );
  }

  /** An account's suspensions, newest first, keyset-paged on (suspended_at, id). */
  async listForAccount(accountId: string, limit: number, cursor?: string): Promise<Page<Suspension>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [accountId, limit + 1];
    const rows: SuspensionRow[] = await this.dataSource.query(
      `SELECT ${SUSPENSION_COLUMNS} FROM suspensions s WHERE s.account_id = $1
        ${after ? `AND (s.suspended_at, s.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : ''}
        ORDER BY s.suspended_at DESC, s.id DESC LIMIT $2`,
      params,
    );
    return toPage(rows, limit, rowToSuspension, (r) => [r.suspendedAt.toISOString(), r.id]);
  }
}
