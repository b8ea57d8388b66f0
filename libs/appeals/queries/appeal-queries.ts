import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '@redress/database';
import { cursorTimestamp, decodeCursor, toPage, type Money, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import type { Appeal, AppealMessage } from '../domain/appeal';
import { OPEN_APPEAL_STATUSES, type AppealStatus } from '../domain/appeal-state-machine';
import { PRIORITY_BAND_POINTS, type QueueSort } from '../domain/queue-order';
import {
  APPEAL_COLUMNS,
  QUEUE_ORDER,
  toAppeal,
  toMessage,
  type AppealRow,
  type MessageRow,
} from '../persistence/appeal-row';

export interface QueueFilter {
  status?: AppealStatus;
  level?: 1 | 2;
  reasonCode?: string;
  waveId?: string;
  /** 'me', 'none', or a reviewer id */
  assignee?: string;
  slaBreached?: boolean;
  /** default: by priority */
  sort?: QueueSort;
}

/** A queue row: the appeal with what triage reads of its suspension. */
export interface QueuedAppeal extends Appeal {
  locale: string;
  frozenBalance: Money;
}

interface QueueExtras {
  /** decision_due_at at full precision (it may carry microseconds) */
  due_key: string;
  locale: string;
  frozen_amount_minor: string;
  currency: string;
}

// The priority range (the appeals CHECK): a cursor's priority outside it is forged, and would not fit ::int
const PRIORITY_RANGE = { min: 0, max: 100 };

@Injectable()
export class AppealQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReplicaReads,
  ) {}

  async get(id: string): Promise<Appeal | null> {
    const rows: AppealRow[] = await this.dataSource.query(
      `SELECT ${APPEAL_COLUMNS} FROM appeals a WHERE a.id = $1`,
      [id],
    );
    return rows[0] ? toAppeal(rows[0]) : null;
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM appeals WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** The appeals the account filed (its sample cases are staff work). */
  async listForAccount(accountId: string, limit: number, cursor?: string): Promise<Page<Appeal>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [accountId, limit + 1];
    const rows: AppealRow[] = await this.dataSource.query(
      `SELECT ${APPEAL_COLUMNS} FROM appeals a WHERE a.account_id = $1 AND a.origin = 'appellant'
        ${after ? `AND (a.submitted_at, a.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : ''}
        ORDER BY a.submitted_at DESC, a.id DESC LIMIT $2`,
      params,
    );
    return toPage(rows, limit, toAppeal, (r) => [r.submitted_at.toISOString(), r.id]);
  }

  /**
   * The triage queue in one of its orders (domain/queue-order.ts), keyset-paged so page 1,000 costs
   * what page 1 does; each row with its suspension's language and frozen balance. Every filter is a
   * bound parameter.
   */
  async queue(
    filter: QueueFilter,
    callerId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<QueuedAppeal>> {
    const params: unknown[] = [];
    const where = [
      filter.status
        ? `a.status = $${params.push(filter.status)}`
        : `a.status = ANY($${params.push([...OPEN_APPEAL_STATUSES])})`,
    ];
    if (filter.level) where.push(`a.level = $${params.push(filter.level)}`);
    if (filter.reasonCode) where.push(`a.reason_code = $${params.push(filter.reasonCode)}`);
    if (filter.waveId) where.push(`a.wave_id = $${params.push(filter.waveId)}`);
    if (filter.slaBreached !== undefined) where.push(`a.sla_breached = $${params.push(filter.slaBreached)}`);
    if (filter.assignee === 'none') where.push('a.assignee_id IS NULL');
    else if (filter.assignee)
      where.push(`a.assignee_id = $${params.push(filter.assignee === 'me' ? callerId : filter.assignee)}`);
    const byDue = filter.sort === 'decisionDueAt';
    if (byDue) {
      const after = decodeCursor(cursor, ['timestamp', 'uuid']);
      if (after) {
        const [d, i] = [params.push(after[0]), params.push(after[1])];
        where.push(`(a.decision_due_at, a.id) > ($${d}::timestamptz, $${i}::uuid)`);
      }
    } else {
      const after = decodeCursor(cursor, [PRIORITY_RANGE, { min: 0, max: 1 }, 'timestamp', 'uuid']);
      if (after) {
        const [p, b, s, i] = after.map((part) => params.push(part));
        where.push(
          `(${QUEUE_ORDER}) > (-($${p}::int / ${PRIORITY_BAND_POINTS}), $${b}::int = 0, -$${p}::int, $${s}::timestamptz, $${i}::uuid)`,
        );
      }
    }
    const rows: (AppealRow & QueueExtras)[] = await this.reads.query(
      `SELECT ${APPEAL_COLUMNS}, ${cursorTimestamp('a.decision_due_at')} AS due_key, s.locale, s.frozen_amount_minor, s.currency
         FROM appeals a JOIN suspensions s ON s.id = a.suspension_id
        WHERE ${where.join(' AND ')}
        ORDER BY ${byDue ? 'a.decision_due_at, a.id' : QUEUE_ORDER} LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        ...toAppeal(r),
        locale: r.locale,
        frozenBalance: { amountMinor: Number(r.frozen_amount_minor), currency: r.currency },
      }),
      (r) =>
        byDue ? [r.due_key, r.id] : [r.priority, r.sla_breached ? 1 : 0, r.submitted_at.toISOString(), r.id],
    );
  }

  /** The thread, oldest first; internal notes only when asked for (staff). */
  async messages(
    appealId: string,
    includeInternal: boolean,
    limit: number,
    cursor?: string,
  ): Promise<Page<AppealMessage>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [appealId, limit + 1];
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT * FROM appeal_messages WHERE appeal_id = $1 ${includeInternal ? '' : 'AND NOT internal'}
        ${after ? `AND (created_at, id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : ''}
        ORDER BY created_at, id LIMIT $2`,
      params,
    );
    return toPage(rows, limit, toMessage, (r) => [r.created_at.toISOString(), r.id]);
  }
}
