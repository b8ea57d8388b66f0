import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operations (docs/operations.md): the W3C `traceparent` of the transaction that wrote an outbox row,
 * so that the worker continues the request's trace when it relays and processes the row (null when
 * tracing is off; the app role's table-wide grant on outbox_messages covers the column); and the dead
 * deliveries in the order `npm run cli -- deliveries:list --status dead` lists them, without reading
 * the whole delivery log.
 */
export class Operations1763700000013 implements MigrationInterface {
  name = 'Operations1763700000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox_messages ADD COLUMN traceparent text;
      CREATE INDEX notifications_dead ON notifications (updated_at DESC, id DESC) WHERE status = 'dead';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_dead; ALTER TABLE outbox_messages DROP COLUMN traceparent;`);
  }
}
