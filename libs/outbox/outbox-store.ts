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
  traceparent: string | null;
  createdAt: Date;
}

/** The outbox of one lane as the metrics show it. */
export interface OutboxLaneState {
  lane: OutboxLane;
  /** Rows not yet processed. */
  backlog: number;
  /** Since when the oldest due and unprocessed row has waited, in seconds (0 when none is). */
  oldestSeconds: number;
}

export const OUTBOX_LANES: readonly OutboxLane[] = ['default', 'bulk'];

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
      traceparent: string | null;
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
        RETURNING o.id, o.type, o.lane, o.payload, o.request_id, o.traceparent, o.created_at`,
      [limit, staleAfterMs, lane],
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      lane: r.lane,
      payload: r.payload,
      requestId: r.request_id,
      traceparent: r.traceparent,
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

  /**
   * Each lane's backlog and the wait of its oldest due row. Both walk only the partial index of
   * unprocessed rows (outbox_messages_unprocessed: lane, available_at), never the processed history.
   */
  async laneStates(): Promise<OutboxLaneState[]> {
    const rows: { lane: OutboxLane; backlog: number; oldest_seconds: number | null }[] =
      await this.dataSource.query(
        `SELECT l.lane,
                (SELECT count(*)::int FROM outbox_messages o
                  WHERE o.processed_at IS NULL AND o.lane = l.lane) AS backlog,
                (SELECT extract(epoch FROM now() - o.available_at)::float8 FROM outbox_messages o
                  WHERE o.processed_at IS NULL AND o.lane = l.lane AND o.available_at <= now()
                  ORDER BY o.available_at, o.id LIMIT 1) AS oldest_seconds
           FROM unnest($1::text[]) AS l(lane)`,
        [OUTBOX_LANES],
      );
    return rows.map((r) => ({ lane: r.lane, backlog: r.backlog, oldestSeconds: r.oldest_seconds ?? 0 }));
  }
}
