import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import type { Suspension } from '../domain/suspension';
import { SuspensionEntity } from './suspension.entity';
import { rowToSuspension, SUSPENSION_COLUMNS, toSuspension, type SuspensionRow } from './suspension.mapper';

/** Persistence for suspensions; every method works inside the caller's transaction. */
@Injectable()
export class SuspensionRepository {
  async find(tx: Tx, id: string): Promise<Suspension | null> {
    const rows: SuspensionRow[] = await tx.query(
      `SELECT ${SUSPENSION_COLUMNS} FROM suspensions s WHERE s.id = $1`,
      [id],
    );
    return rows[0] ? rowToSuspension(rows[0]) : null;
  }

  /** Locks the row for the rest of the transaction (status changes, balance arithmetic). */
  async lock(tx: Tx, id: string): Promise<Suspension> {
    const rows: SuspensionRow[] = await tx.query(
      `SELECT ${SUSPENSION_COLUMNS} FROM suspensions s WHERE s.id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw DomainError.notFound('Suspension');
    return rowToSuspension(rows[0]);
  }

  async findByExternalRef(
    tx: Tx,
    source: string,
    externalRef: string,
  ): Promise<(Suspension & { payloadHash: string }) | null> {
    const entity = await tx.findOne(SuspensionEntity, { where: { source, externalRef } });
    return entity ? { ...toSuspension(entity), payloadHash: entity.payloadHash } : null;
  }

  /** Inserts unless (source, externalRef) exists; returns false when it already did. */
  async insertIfNew(tx: Tx, suspension: Suspension, payloadHash: string): Promise<boolean> {
    return (await this.insertManyIfNew(tx, [{ suspension, payloadHash }])).length > 0;
  }

  /**
   * Set-based insert (one statement per 5,000 rows, the rows passed as one JSON parameter); rows whose
   * (source, externalRef) already exists — or repeats within the batch — are skipped. Returns the ids inserted.
   */
  async insertManyIfNew(tx: Tx, rows: { suspension: Suspension; payloadHash: string }[]): Promise<string[]> {
    const inserted: string[] = [];
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const json = JSON.stringify(
        rows
          .slice(start, start + INSERT_CHUNK)
          .map(({ suspension, payloadHash }) => toRecord(suspension, payloadHash)),
      );
      const result: { id: string }[] = await tx.query(
        `INSERT INTO suspensions (${RECORD_COLUMNS.map(([name]) => name).join(', ')})
         SELECT ${RECORD_COLUMNS.map(([name]) => name).join(', ')}
           FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})
         ON CONFLICT ON CONSTRAINT suspensions_external_ref_unique DO NOTHING
         RETURNING id`,
        [json],
      );
      inserted.push(...result.map((r) => r.id));
    }
    return inserted;
  }

  /** Applies the changes and answers the row as it now is (still locked by the caller). */
  async update(tx: Tx, id: string, changes: SuspensionChanges): Promise<Suspension> {
    const params: unknown[] = [id];
    const sets = Object.entries(changes).map(
      ([key, value]) => `${UPDATABLE[key as keyof SuspensionChanges]} = $${params.push(value)}`,
    );
    const [rows]: [SuspensionRow[], number] = await tx.query(
      `UPDATE suspensions s SET ${[...sets, 'version = s.version + 1'].join(', ')} WHERE s.id = $1 RETURNING ${SUSPENSION_COLUMNS}`,
      params,
    );
    if (!rows[0]) throw DomainError.notFound('Suspension');
    return rowToSuspension(rows[0]);
  }
}

export type SuspensionChanges = Partial<
  Pick<SuspensionEntity, 'status' | 'liftedAt' | 'liftReason' | 'releasedAmountMinor' | 'noticeSentAt'>
>;

const UPDATABLE: Record<keyof SuspensionChanges, string> = {
  status: 'status',
  liftedAt: 'lifted_at',
  liftReason: 'lift_reason',
  releasedAmountMinor: 'released_amount_minor',
  noticeSentAt: 'notice_sent_at',
};

const INSERT_CHUNK = 5000;

const RECORD_COLUMNS: [string, string][] = [
  ['id', 'uuid'],
  ['account_id', 'text'],
  ['source', 'text'],
  ['external_ref', 'text'],
  ['status', 'text'],
  ['reason_code', 'text'],
  ['policy_clause', 'text'],
  ['statement_of_reasons', 'text'],
  ['automated_detection', 'boolean'],
  ['automated_decision', 'boolean'],
  ['signals', 'jsonb'],
  ['wave_id', 'uuid'],
  ['frozen_amount_minor', 'bigint'],
  ['currency', 'char(3)'],
  ['account_email', 'text'],
  ['locale', 'text'],
  ['account_created_at', 'timestamptz'],
  ['suspended_at', 'timestamptz'],
  ['appeal_deadline', 'timestamptz'],
  ['payload_hash', 'char(64)'],
  ['created_at', 'timestamptz'],
];

function toRecord(s: Suspension, payloadHash: string): Record<string, unknown> {
  return {
    id: s.id,
    account_id: s.accountId,
    source: s.source,
    external_ref: s.externalRef,
    status: s.status,
    reason_code: s.reasonCode,
    policy_clause: s.policyClause,
    statement_of_reasons: s.statementOfReasons,
    automated_detection: s.automatedDetection,
    automated_decision: s.automatedDecision,
    signals: s.signals,
    wave_id: s.waveId,
    frozen_amount_minor: s.frozenBalance.amountMinor,
    currency: s.frozenBalance.currency,
    account_email: s.accountEmail,
    locale: s.locale,
    account_created_at: s.accountCreatedAt,
    suspended_at: s.suspendedAt,
    appeal_deadline: s.appealDeadline,
    payload_hash: payloadHash,
    created_at: s.createdAt,
  };
}
