import { Injectable } from '@nestjs/common';
import type { Tx } from '@redress/database';
import { newId } from '@redress/kernel';

export type OutboxLane = 'default' | 'bulk';

export interface OutboxMessage {
  type: string;
  payload: Record<string, unknown>;
  /** Bulk notices (ban waves) go to their own queue so they never starve single notices. */
  lane?: OutboxLane;
  availableAt?: Date;
  requestId?: string;
}

/** Writes outbox rows in the caller's transaction; the worker relays them to BullMQ. */
@Injectable()
export class Outbox {
  async append(tx: Tx, message: OutboxMessage): Promise<string> {
    const [id] = await this.appendMany(tx, [message]);
    return id;
  }

  async appendMany(tx: Tx, messages: OutboxMessage[]): Promise<string[]> {
    const ids: string[] = [];
    const chunkSize = 5000;
    for (let start = 0; start < messages.length; start += chunkSize) {
      const params: unknown[] = [];
      const rows = messages.slice(start, start + chunkSize).map((m) => {
        const id = newId();
        ids.push(id);
        const base =
          params.push(
            id,
            m.type,
            m.lane ?? 'default',
            JSON.stringify(m.payload),
            m.requestId ?? null,
            m.availableAt ?? new Date(),
          ) - 6;
        return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
      });
      await tx.query(
        `INSERT INTO outbox_messages (id, type, lane, payload, request_id, available_at) VALUES ${rows.join(', ')}`,
        params,
      );
    }
    return ids;
  }
}
