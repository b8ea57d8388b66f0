import { Injectable } from '@nestjs/common';
import { insertRows, type Tx } from '@redress/database';
import type { Actor } from '@redress/kernel';
import { auditHash, GENESIS_HASH, type AuditEventContent } from './audit-hash';

export interface AuditRecord {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
  at?: Date;
}

const INSERT_COLUMNS = [
  'at',
  'actor_sub',
  'actor_roles',
  'action',
  'entity_type',
  'entity_id',
  'data',
  'prev_hash',
  'hash',
];

/** Appends audit events inside the caller's transaction, one hash chain per entity. */
@Injectable()
export class AuditLog {
  async append(tx: Tx, record: AuditRecord): Promise<void> {
    // Writers to the same entity queue here; writers to other entities never wait.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `${record.entityType}:${record.entityId}`,
    ]);
    const [last] = (await tx.query(
      'SELECT hash FROM audit_events WHERE entity_id = $1 AND entity_type = $2 ORDER BY seq DESC LIMIT 1',
      [record.entityId, record.entityType],
    )) as { hash: string }[];
    await this.insert(tx, [record], () => last?.hash ?? GENESIS_HASH);
  }

  /** First events of brand-new entities (batch ingest): no predecessor to look up, one INSERT. */
  async appendFirstEvents(tx: Tx, records: AuditRecord[]): Promise<void> {
    await this.insert(tx, records, () => GENESIS_HASH);
  }

  private async insert(
    tx: Tx,
    records: AuditRecord[],
    prevHashOf: (r: AuditRecord) => string,
  ): Promise<void> {
    await insertRows(tx, {
      table: 'audit_events',
      columns: INSERT_COLUMNS,
      rows: records,
      values: (record) => {
        const content = toContent(record);
        const prevHash = prevHashOf(record);
        return [
          content.at,
          content.actor.sub,
          content.actor.roles,
          content.action,
          content.entityType,
          content.entityId,
          JSON.stringify(content.data),
          prevHash,
          auditHash(prevHash, content),
        ];
      },
    });
  }
}

function toContent(record: AuditRecord): AuditEventContent {
  return {
    at: (record.at ?? new Date()).toISOString(),
    actor: { sub: record.actor.sub, roles: [...record.actor.roles] },
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    // JSON round-trip so the hash covers exactly what jsonb will hold (no undefined, Dates as strings)
    data: JSON.parse(JSON.stringify(record.data ?? {})),
  };
}
