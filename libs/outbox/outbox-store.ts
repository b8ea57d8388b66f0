import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { DataSource } from 'typeorm';
import type { OutboxLane } from './outbox';

export interface ClaimedOutboxMessage {
  id: string;
  type: string;
  lane: OutboxLane;
  payload: Record<string, unknown>;
  requestId: string | null;
  createdAt: Date;
}

/**
 * The worker's side of the outbox. A row stays unprocessed until its job finishes, so a row relayed
 * to a Redis that then lost its data is relayed again (same job id, so never twice while it exists).
 */
@Injectable()
export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims a lane's due rows that were never relayed, or whose relay is older than `staleAfterMs`. */
  async claim(lane: OutboxLane, limit: number, staleAfterMs: number): Promise<ClaimedOutboxMessage[]> {
    type Row = {
      id: string;
      type: string;
      lane: OutboxLane;
      payload: Record<string, unknown>;
      request_id: string | null;
      created_at: Date;
    };
    const [rows]: [Row[], number] = await this.dataSource.query(
      `UPDATE outbox_messages o SET relayed_at = now(), relay_count = o.relay_count + 1
           FROM (SELECT id FROM outbox_messages
                  WHERE processed_at IS NULL AND lane = $3 AND available_at <= now()
                    AND (relayed_at IS NULL OR relayed_at < now() - make_interval(secs => $2::double precision / 1000))
                  ORDER BY available_at, id
                  LIMIT $1
                  FOR UPDATE SKIP LOCKED) due
          WHERE o.id = due.id
        RETURNING o.id, o.type, o.lane, o.payload, o.request_id, o.created_at`,
      [limit, staleAfterMs, lane],
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      lane: r.lane,
      payload: r.payload,
      requestId: r.request_id,
      createdAt: r.created_at,
    }));
  }

  /** Gives rows back when they could not be queued (Redis down), so the next poll retries them. */
  async unclaim(ids: string[]): Promise<void> {
    if (ids.length)
      await this.dataSource.query(`UPDATE outbox_messages SET relayed_at = NULL WHERE id = ANY($1)`, [ids]);
  }

  /** After Redis comes back (possibly empty), every unprocessed row is relayed again at once. */
  async unclaimAllUnprocessed(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE outbox_messages SET relayed_at = NULL WHERE processed_at IS NULL AND relayed_at IS NOT NULL`,
    );
    return result[1] ?? 0;
  }

  /** Once the row's job is done; in the caller's transaction if given one. */
  async markProcessed(id: string, tx?: Tx): Promise<void> {
    await (tx ?? this.dataSource).query(
      `UPDATE outbox_messages SET processed_at = now() WHERE id = $1 AND processed_at IS NULL`,
      [id],
    );
  }

  /**
   * markProcessed for many rows as a part of another statement (a CTE named `processed`, the notice
   * dispatcher's); `sql` is given the placeholder of the ids.
   */
  markProcessedPart(ids: string[]): { name: string; sql: (param: string) => string; value: string[] } {
    return {
      name: 'processed',
      sql: (param) =>
        `UPDATE outbox_messages SET processed_at = now() WHERE id = ANY(${param}::uuid[]) AND processed_at IS NULL`,
      value: ids,
    };
  }

  /** When the outbox row `idColumn` names was written (its event happened), as a subquery of another statement. */
  createdAtOf(idColumn: string): string {
    return `(SELECT o.created_at FROM outbox_messages o WHERE o.id = ${idColumn})`;
  }

  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE processed_at IS NULL`,
    );
    return row.n;
  }
}
