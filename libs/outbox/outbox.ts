import { Injectable } from '@nestjs/common';
import { insertRows, type Tx } from '@redress/database';
import { newId, type EventOf, type EventType } from '@redress/kernel';
import { currentTraceparent } from '@redress/observability';

export type OutboxLane = 'default' | 'bulk';

/** An event of the contract (its payload checked against its type) and how to relay it. */
export type OutboxMessage<E extends EventType = EventType> = EventOf<E> & {
  /** Bulk notices (ban waves) go to their own queue so they never starve single notices. */
  lane?: OutboxLane;
  availableAt?: Date;
  requestId?: string;
};

/** Writes outbox rows in the caller's transaction; the worker relays them to BullMQ. */
@Injectable()
export class Outbox {
  async append(tx: Tx, message: OutboxMessage): Promise<string> {
    const [id] = await this.appendMany(tx, [message]);
    return id;
  }

  async appendMany(tx: Tx, messages: OutboxMessage[]): Promise<string[]> {
    const rows = messages.map((message) => ({ id: newId(), message }));
    // the writing transaction's trace, which the worker continues (null when tracing is off)
    const traceparent = currentTraceparent();
    await insertRows(tx, {
      table: 'outbox_messages',
      columns: ['id', 'type', 'lane', 'payload', 'request_id', 'available_at', 'traceparent'],
      rows,
      values: ({ id, message: m }) => [
        id,
        m.type,
        m.lane ?? 'default',
        JSON.stringify(m.payload),
        m.requestId ?? null,
        m.availableAt ?? new Date(),
        traceparent,
      ],
    });
    return rows.map((r) => r.id);
  }
}
