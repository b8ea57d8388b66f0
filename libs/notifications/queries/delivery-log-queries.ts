import { Injectable } from '@nestjs/common';
import { AppealQueries } from '@redress/appeals';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource, type EntityManager } from 'typeorm';

/** One line of the delivery log: a notification on one channel, and how its delivery went. */
export interface DeliveryLogEntry {
  id: string;
  eventId: string;
  eventType: string;
  recipientType: string;
  recipient: string;
  channel: string;
  locale: string;
  status: string;
  attempts: number;
  lastError: string | null;
  appealId: string | null;
  suspensionId: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
}

const COLUMNS = `id, event_id, event_type, recipient_type, recipient, channel, locale, status, attempts, last_error,
                 appeal_id, suspension_id, created_at, updated_at, sent_at, next_attempt_at,
                 created_at::text AS created_key`;

// created_key: the timestamp at full (microsecond) precision; a JS Date would cut it and break the keyset.
type Row = Record<string, unknown> & { id: string; created_at: Date; created_key: string };

const toEntry = (r: Row): DeliveryLogEntry => ({
  id: r.id,
  eventId: r.event_id as string,
  eventType: r.event_type as string,
  recipientType: r.recipient_type as string,
  recipient: r.recipient as string,
  channel: r.channel as string,
  locale: r.locale as string,
  status: r.status as string,
  attempts: r.attempts as number,
  lastError: r.last_error as string | null,
  appealId: r.appeal_id as string | null,
  suspensionId: r.suspension_id as string | null,
  createdAt: r.created_at,
  updatedAt: r.updated_at as Date,
  sentAt: r.sent_at as Date | null,
  nextAttemptAt: r.next_attempt_at as Date | null,
});

/** Staff's view of what was sent about an appeal, on which channel, and whether it arrived. */
@Injectable()
export class DeliveryLogQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly appeals: AppealQueries,
  ) {}

  appealExists(appealId: string): Promise<boolean> {
    return this.appeals.exists(appealId);
  }

  /** The dead deliveries, the latest first (index notifications_dead), for the admin CLI. */
  async listDead(limit: number): Promise<DeliveryLogEntry[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE status = 'dead' ORDER BY updated_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toEntry);
  }

  /** Oldest first, so the log reads as the story of the appeal. */
  async listForAppeal(appealId: string, limit: number, cursor?: string): Promise<Page<DeliveryLogEntry>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [appealId, limit + 1];
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS}
         FROM notifications
        WHERE appeal_id = $1
          ${after ? `AND (created_at, id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : ''}
        ORDER BY created_at, id
        LIMIT $2`,
      params,
    );
    return toPage(rows, limit, toEntry, (r) => [r.created_key, r.id]);
  }

  /** Pass a transaction's manager to read the row as that transaction sees it. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<DeliveryLogEntry | null> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM notifications WHERE id = $1`, [id]);
    return rows[0] ? toEntry(rows[0]) : null;
  }
}
