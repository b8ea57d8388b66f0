import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';
import type { Appeal, AppealMessage } from '../domain/appeal';
import { OPEN_APPEAL_STATUSES, type AppealStatus } from '../domain/appeal-state-machine';
import {
  APPEAL_COLUMNS,
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
}

// The priority range (the appeals CHECK): a cursor's priority outside it is forged, and would not fit ::int
const PRIORITY_RANGE = { min: 0, max: 100 };

@Injectable()
export class AppealQueries {
  constructor(private readonly dataSource: DataSource) {}

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

  async listForAccount(accountId: string, limit: number, cursor?: string): Promise<Page<Appeal>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [accountId, limit + 1];
    const rows: AppealRow[] = await this.dataSource.query(
      `SELECT ${APPEAL_COLUMNS} FROM appeals a WHERE a.account_id = $1
        ${after ? `AND (a.submitted_at, a.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : ''}
        ORDER BY a.submitted_at DESC, a.id DESC LIMIT $2`,
      params,
    );
    return toPage(rows, limit, toAppeal, (r) => [r.submitted_at.toISOString(), r.id]);
  }

  /**
   * The triage queue (order: priority desc, submitted_at asc, id asc), keyset-paged so page
   * 1,000 costs what page 1 does. Every filter is a bound parameter.
   */
  async queue(filter: QueueFilter, callerId: string, limit: number, cursor?: string): Promise<Page<Appeal>> {
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
    const after = decodeCursor(cursor, [PRIORITY_RANGE, 'timestamp', 'uuid']);
    if (after) {
      // −priority ascending is priority descending: one row comparison, one range of appeals_queue
      const [p, s, i] = [params.push(after[0]), params.push(after[1]), params.push(after[2])];
      where.push(`(-a.priority, a.submitted_at, a.id) > (-$${p}::int, $${s}::timestamptz, $${i}::uuid)`);
    }
    const rows: AppealRow[] = await this.dataSource.query(
      `SELECT ${APPEAL_COLUMNS} FROM appeals a WHERE ${where.join(' AND ')}
        ORDER BY -a.priority, a.submitted_at, a.id LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, toAppeal, (r) => [r.priority, r.submitted_at.toISOString(), r.id]);
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
