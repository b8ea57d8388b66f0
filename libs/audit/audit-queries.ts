import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@redress/database';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import { auditContentOf, type AuditEventRow } from './persistence/audit-event-row';
import type { SignedAuditCheckpoint } from './audit-checkpoint';
import { toCheckpoint, type CheckpointRow } from './persistence/verification-reads';

export interface AuditEventView {
  seq: number;
  at: string;
  actor: { sub: string; roles: string[] };
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

@Injectable()
export class AuditQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReplicaReads,
  ) {}

  /** Newest-first pages of the log, optionally for one entity. */
  async list(
    filter: { entityId?: string; entityIds?: string[] },
    limit: number,
    cursor?: string,
  ): Promise<Page<AuditEventView>> {
    const [afterSeq] = decodeCursor(cursor, ['number']) ?? [];
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.entityId) where.push(`entity_id = $${params.push(filter.entityId)}`);
    if (filter.entityIds) where.push(`entity_id = ANY($${params.push(filter.entityIds)})`);
    if (afterSeq !== undefined) where.push(`seq < $${params.push(afterSeq)}`);
    const rows = await this.reads.query<AuditEventRow[]>(
      `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, toView, (r: { seq: string }) => [Number(r.seq)]);
  }

  /** Newest-first pages of the signed checkpoints (an outsider keeps a copy of them). */
  async checkpoints(limit: number, cursor?: string): Promise<Page<SignedAuditCheckpoint>> {
    const [beforeId] = decodeCursor(cursor, ['number']) ?? [];
    const rows: CheckpointRow[] = await this.reads.query(
      `SELECT id, seq, digest, count, at, signature FROM audit_checkpoints
        ${beforeId === undefined ? '' : 'WHERE id < $2'} ORDER BY id DESC LIMIT $1`,
      beforeId === undefined ? [limit + 1] : [limit + 1, beforeId],
    );
    return toPage(
      rows,
      limit,
      (row) => {
        const { id: _id, ...checkpoint } = toCheckpoint(row);
        return checkpoint;
      },
      (row) => [Number(row.id)],
    );
  }

  /** One entity's events in order (the appeal history). */
  async forEntity(entityIds: string[]): Promise<AuditEventView[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM audit_events WHERE entity_id = ANY($1) ORDER BY seq`,
      [entityIds],
    );
    return rows.map(toView);
  }
}

function toView(r: AuditEventRow): AuditEventView {
  return { seq: Number(r.seq), ...auditContentOf(r), prevHash: r.prev_hash, hash: r.hash };
}
