import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type IdempotencyClaim =
  | { kind: 'owner' }
  | { kind: 'in_progress'; sameRequest: boolean }
  | {
      kind: 'completed';
      sameRequest: boolean;
      status: number;
      headers: Record<string, string>;
      body: string;
    };

/** Idempotency keys in PostgreSQL, scoped per caller, kept 24 h. */
@Injectable()
export class IdempotencyStore {
  static readonly TTL = '24 hours';
  /** An in-progress key older than this belonged to a crashed request and may be taken over. */
  static readonly ABANDONED_AFTER = '5 minutes';

  constructor(private readonly dataSource: DataSource) {}

  async claim(sub: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (sub, key, request_hash, state, expires_at)
       VALUES ($1, $2, $3, 'in_progress', now() + interval '${IdempotencyStore.TTL}')
       ON CONFLICT (sub, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'in_progress', created_at = now(),
             expires_at = EXCLUDED.expires_at, response_status = NULL, response_headers = NULL, response_body = NULL
         WHERE idempotency_keys.expires_at < now()
            OR (idempotency_keys.state = 'in_progress' AND idempotency_keys.created_at < now() - interval '${IdempotencyStore.ABANDONED_AFTER}')
       RETURNING 1`,
      [sub, key, requestHash],
    );
    if (claimed.length > 0) return { kind: 'owner' };
    const [row] = (await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_headers, response_body FROM idempotency_keys WHERE sub = $1 AND key = $2`,
      [sub, key],
    )) as {
      request_hash: string;
      state: string;
      response_status: number;
      response_headers: Record<string, string>;
      response_body: string;
    }[];
    if (!row) return this.claim(sub, key, requestHash); // expired and purged in between
    const sameRequest = row.request_hash === requestHash;
    if (row.state === 'in_progress') return { kind: 'in_progress', sameRequest };
    return {
      kind: 'completed',
      sameRequest,
      status: row.response_status,
      headers: row.response_headers ?? {},
      body: row.response_body,
    };
  }

  async complete(
    sub: string,
    key: string,
    status: number,
    headers: Record<string, string>,
    body: string,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_headers = $4, response_body = $5
       WHERE sub = $1 AND key = $2`,
      [sub, key, status, JSON.stringify(headers), body],
    );
  }

  /** A failed request leaves no trace, so the client may retry with the same key. */
  async release(sub: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE sub = $1 AND key = $2 AND state = 'in_progress'`,
      [sub, key],
    );
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE expires_at < now()`,
    );
    return result[1] ?? 0;
  }
}
