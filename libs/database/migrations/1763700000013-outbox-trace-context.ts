import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C `traceparent` of the transaction that wrote an outbox row, so that the worker continues the
 * request's trace when it relays and processes the row (docs/operations.md, "Tracing"). Null when
 * tracing is off. The app role's table-wide grant on outbox_messages covers the new column.
 */
export class OutboxTraceContext1763700000013 implements MigrationInterface {
  name = 'OutboxTraceContext1763700000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages ADD COLUMN traceparent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN traceparent`);
  }
}
