import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@redress/database';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import type { Refund } from '../domain/refund';
import type { RefundStatus } from '../domain/refund-status';
import { REFUND_COLUMNS, toRefund, type RefundRow } from '../persistence/refund-row';

export interface RefundFilter {
  status?: RefundStatus;
  suspensionId?: string;
  accountId?: string;
}

/** Refund lists, newest first, keyset-paged on (created_at, id); each filter has its index. */
@Injectable()
export class RefundQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReplicaReads,
  ) {}

  async get(id: string): Promise<Refund | null> {
    const [row]: RefundRow[] = await this.dataSource.query(
      `SELECT ${REFUND_COLUMNS} FROM refunds r WHERE r.id = $1`,
      [id],
    );
    return row ? toRefund(row) : null;
  }

  async list(filter: RefundFilter, limit: number, cursor?: string): Promise<Page<Refund>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.status) where.push(`r.status = $${params.push(filter.status)}`);
    if (filter.suspensionId) where.push(`r.suspension_id = $${params.push(filter.suspensionId)}`);
    if (filter.accountId) where.push(`r.account_id = $${params.push(filter.accountId)}`);
    if (after) {
      const [at, id] = [params.push(after[0]), params.push(after[1])];
      where.push(`(r.created_at, r.id) < ($${at}::timestamptz, $${id}::uuid)`);
    }
    const rows: RefundRow[] = await this.reads.query(
      `SELECT ${REFUND_COLUMNS} FROM refunds r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, toRefund, (r) => [r.created_at.toISOString(), r.id]);
  }
}
