import { Injectable } from '@nestjs/common';
import { COPY_FROM_ROWS, insertRows, queryPrepared, type Tx } from '@redress/database';
import { DomainError } from '@redress/kernel';
import type { Suspension } from '../domain/suspension';
import { SuspensionStore, type SuspensionChanges } from '../application/suspension-store.port';
import { rowToSuspension, SUSPENSION_COLUMNS, type SuspensionRow } from './suspension-row';

/** Persistence for suspensions; every method works inside the caller's transaction. */
@Injectable()
export class SuspensionRepository implements SuspensionStore {
  async find(tx: Tx, id: string): Promise<Suspension | null> {
    const rows = await queryPrepared<SuspensionRow>(
      tx,
      `SELECT ${SUSPENSION_COLUMNS} FROM suspensions s WHERE s.id = $1`,
      [id],
    );
    return rows[0] ? rowToSuspension(rows[0]) : null;
  }

  /** Locks the row for the rest of the transaction (status changes, balance arithmetic). */
  async lock(tx: Tx, id: string): Promise<Suspension> {
    const rows = await queryPrepared<SuspensionRow>(
      tx,
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
    const [row]: (SuspensionRow & { payloadHash: string })[] = await tx.query(
      `SELECT ${SUSPENSION_COLUMNS}, s.payload_hash AS "payloadHash" FROM suspensions s
        WHERE s.source = $1 AND s.external_ref = $2`,
      [source, externalRef],
    );
    return row ? { ...rowToSuspension(row), payloadHash: row.payloadHash } : null;
  }

  /** Inserts unless (source, externalRef) exists; returns false when it already did. */
  async insertIfNew(tx: Tx, suspension: Suspension, payloadHash: string): Promise<boolean> {
    return (await this.insertManyIfNew(tx, [{ suspension, payloadHash }])).length > 0;
  }

  /**
   * Set-based insert; rows whose (source, externalRef) already exists — or repeats within the batch —
   * are skipped. Returns the ids inserted. A ban wave's rows are copied straight into the table after
   * one lookup of the externalRefs already known; should another transaction store one of them in
   * between, the copy fails with a unique violation on `suspensions_external_ref_unique`, and the
   * caller runs its transaction again (see CreateSuspensionBatchUseCase).
   */
  async insertManyIfNew(tx: Tx, rows: { suspension: Suspension; payloadHash: string }[]): Promise<string[]> {
    if (rows.length < COPY_FROM_ROWS) {
      const inserted = await insertRows(tx, {
        table: 'suspensions',
        columns: INSERT_COLUMNS,
        rows,
        values: toRow,
        onConflict: 'ON CONFLICT ON CONSTRAINT suspensions_external_ref_unique DO NOTHING',
        returning: 'id',
      });
      return inserted.map((r) => r.id as string);
    }
    const known: { source: string; external_ref: string }[] = await tx.query(
      `SELECT source, external_ref FROM suspensions
        WHERE (source, external_ref) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [rows.map((r) => r.suspension.source), rows.map((r) => r.suspension.externalRef)],
    );
    const seen = new Set(known.map((k) => JSON.stringify([k.source, k.external_ref])));
    const fresh = rows.filter(({ suspension: s }) => {
      const key = JSON.stringify([s.source, s.externalRef]);
      return !seen.has(key) && Boolean(seen.add(key));
    });
    await insertRows(tx, { table: 'suspensions', columns: INSERT_COLUMNS, rows: fresh, values: toRow });
    return fresh.map((r) => r.suspension.id);
  }

  /**
   * Stamps the notices of `ids` as sent, once, as a part of the notice dispatcher's single statement
   * (a CTE named `noticed`; `sql` is given the placeholder of the ids). It takes no lock first.
   */
  noticesSentPart(ids: string[]): { name: string; sql: (param: string) => string; value: string[] } {
    return {
      name: 'noticed',
      sql: (param) =>
        `UPDATE suspensions SET notice_sent_at = now() WHERE id = ANY(${param}::uuid[]) AND notice_sent_at IS NULL`,
      value: ids,
    };
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

const UPDATABLE: Record<keyof SuspensionChanges, string> = {
  status: 'status',
  liftedAt: 'lifted_at',
  liftReason: 'lift_reason',
  releasedAmountMinor: 'released_amount_minor',
  noticeSentAt: 'notice_sent_at',
};

const INSERT_COLUMNS = [
  'id',
  'account_id',
  'source',
  'external_ref',
  'status',
  'reason_code',
  'policy_clause',
  'statement_of_reasons',
  'automated_detection',
  'automated_decision',
  'signals',
  'detector_name',
  'detector_version',
  'wave_id',
  'frozen_amount_minor',
  'currency',
  'account_email',
  'locale',
  'account_created_at',
  'suspended_at',
  'appeal_deadline',
  'payload_hash',
  'created_at',
];

/** Values in INSERT_COLUMNS order. */
function toRow({ suspension: s, payloadHash }: { suspension: Suspension; payloadHash: string }): unknown[] {
  return [
    s.id,
    s.accountId,
    s.source,
    s.externalRef,
    s.status,
    s.reasonCode,
    s.policyClause,
    s.statementOfReasons,
    s.automatedDetection,
    s.automatedDecision,
    s.signals,
    s.detector?.name ?? null,
    s.detector?.version ?? null,
    s.waveId,
    s.frozenBalance.amountMinor,
    s.frozenBalance.currency,
    s.accountEmail,
    s.locale,
    s.accountCreatedAt,
    s.suspendedAt,
    s.appealDeadline,
    payloadHash,
    s.createdAt,
  ];
}
