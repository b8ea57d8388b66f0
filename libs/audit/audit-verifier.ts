import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditHash, GENESIS_HASH } from './audit-hash';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

interface Row {
  seq: string;
  at: Date;
  actor_sub: string;
  actor_roles: string[];
  action: string;
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Re-walks every per-entity chain in index order, in batches, reporting the lowest broken seq. */
@Injectable()
export class AuditVerifier {
  static readonly BATCH = 5000;

  constructor(private readonly dataSource: DataSource) {}

  async verify(): Promise<AuditVerification> {
    let checked = 0;
    let firstBroken: number | null = null;
    let chainKey = '';
    let previousHash = GENESIS_HASH;
    let after: [string, string, string] | null = null;
    for (;;) {
      const rows: Row[] = await this.dataSource.query(
        `SELECT seq, at, actor_sub, actor_roles, action, entity_type, entity_id, data, prev_hash, hash
           FROM audit_events
          ${after ? 'WHERE (entity_id, entity_type, seq) > ($1, $2, $3::bigint)' : ''}
          ORDER BY entity_id, entity_type, seq
          LIMIT ${AuditVerifier.BATCH}`,
        after ?? [],
      );
      for (const row of rows) {
        const key = `${row.entity_type}:${row.entity_id}`;
        if (key !== chainKey) {
          chainKey = key;
          previousHash = GENESIS_HASH;
        }
        const content = {
          at: row.at.toISOString(),
          actor: { sub: row.actor_sub, roles: row.actor_roles },
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          data: row.data,
        };
        const intact = row.prev_hash === previousHash && auditHash(row.prev_hash, content) === row.hash;
        if (!intact && (firstBroken === null || Number(row.seq) < firstBroken)) firstBroken = Number(row.seq);
        previousHash = row.hash;
        checked += 1;
      }
      if (rows.length < AuditVerifier.BATCH) break;
      const last = rows[rows.length - 1];
      after = [last.entity_id, last.entity_type, last.seq];
    }
    return { ok: firstBroken === null, checked, firstBrokenSeq: firstBroken };
  }
}
