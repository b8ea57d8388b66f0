import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage, type Page } from '@redress/kernel';
import { DataSource } from 'typeorm';

export interface InboxItem {
  id: string;
  eventId: string;
  template: string;
  locale: string;
  subject: string | null;
  body: string | null;
  appealId: string | null;
  suspensionId: string | null;
  createdAt: Date;
}

@Injectable()
export class InboxQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** An account's in-app inbox, newest first. */
  async list(accountId: string, limit: number, cursor?: string): Promise<Page<InboxItem>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [accountId, limit + 1];
    const rows = await this.dataSource.query(
      `SELECT id, event_id, template, locale, subject, body, appeal_id, suspension_id, created_at,
              created_at::text AS created_key
         FROM notifications
        WHERE recipient = $1 AND recipient_type = 'account' AND channel = 'inbox'
          ${after ? `AND (created_at, id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)` : ''}
        ORDER BY created_at DESC, id DESC
        LIMIT $2`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r: Record<string, unknown>) => ({
        id: r.id as string,
        eventId: r.event_id as string,
        template: r.template as string,
        locale: r.locale as string,
        subject: r.subject as string | null,
        body: r.body as string | null,
        appealId: r.appeal_id as string | null,
        suspensionId: r.suspension_id as string | null,
        createdAt: r.created_at as Date,
      }),
      // microsecond precision: a JS Date would cut it, and the keyset would skip rows
      (r: { created_key: string; id: string }) => [r.created_key, r.id],
    );
  }
}
