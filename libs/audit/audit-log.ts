import { Injectable } from '@nestjs/common';
import { insertRows, queryPrepared, type Tx } from '@redress/database';
import type { Actor } from '@redress/kernel';
import { auditHash, canonicalAuditEvent, GENESIS_HASH, type AuditEventContent } from './audit-hash';

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
  /** Locks the entity's chain, reads its last hash and appends, in one statement (`audit_append`). */
  async append(tx: Tx, record: AuditRecord): Promise<void> {
    const content = toContent(record);
    await queryPrepared(tx, 'SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8)', [
      ...contentValues(content),
      canonicalAuditEvent(content),
    ]);
  }

  /** First events of brand-new entities (batch ingest): no predecessor to look up, one INSERT. */
  async appendFirstEvents(tx: Tx, records: AuditRecord[]): Promise<void> {
    await insertRows(tx, {
      table: 'audit_events',
      columns: INSERT_COLUMNS,
      rows: records,
      values: (record) => {
        const content = toContent(record);
        return [...contentValues(content), GENESIS_HASH, auditHash(GENESIS_HASH, content)];
      },
    });
  }
}

/** The event's columns up to `data`, in INSERT_COLUMNS order (and `audit_append`'s parameters). */
function contentValues(content: AuditEventContent): unknown[] {
  return [
    content.at,
    content.actor.sub,
    content.actor.roles,
    content.action,
    content.entityType,
    content.entityId,
    JSON.stringify(content.data),
  ];
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
