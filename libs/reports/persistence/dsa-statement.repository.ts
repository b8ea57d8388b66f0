import { Injectable } from '@nestjs/common';
import { insertRows, type Tx } from '@redress/database';
import type { DsaStatementOfReasons, StatementDecision } from '../domain/statement-of-reasons';

export interface StatementToPublish {
  id: string;
  suspensionId: string;
  seq: number;
  decision: StatementDecision;
  puid: string;
  statement: DsaStatementOfReasons;
}

/** Writes published statements; they are never updated (the table refuses it). */
@Injectable()
export class DsaStatementRepository {
  /** The highest seq each suspension's statements reached so far (none: absent). */
  async lastSeqs(tx: Tx, suspensionIds: string[]): Promise<Map<string, number>> {
    const rows: { suspension_id: string; seq: number }[] = await tx.query(
      `SELECT suspension_id, max(seq) AS seq FROM dsa_statements
        WHERE suspension_id = ANY($1::uuid[]) GROUP BY suspension_id`,
      [suspensionIds],
    );
    return new Map(rows.map((r) => [r.suspension_id, r.seq]));
  }

  async insert(tx: Tx, statements: StatementToPublish[]): Promise<void> {
    await insertRows(tx, {
      table: 'dsa_statements',
      columns: ['id', 'suspension_id', 'seq', 'decision', 'puid', 'statement'],
      rows: statements,
      values: (s) => [s.id, s.suspensionId, s.seq, s.decision, s.puid, JSON.stringify(s.statement)],
    });
  }
}
