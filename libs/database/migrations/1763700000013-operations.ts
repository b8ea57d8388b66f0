import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operations (docs/operations.md): the W3C `traceparent` of the transaction that wrote an outbox row,
 * so that the worker continues the request's trace when it relays and processes the row (null when
 * tracing is off; the app role's table-wide grant on outbox_messages covers the column); the dead
 * deliveries in the order `npm run cli -- deliveries:list --status dead` lists them, without reading
 * the whole delivery log; and statistics of status and level together, so that the planner's estimate
 * of open appeals per status and level, which the metrics read past 50,000, is not the product of two
 * independent guesses (levels follow statuses: only escalated appeals are at level 2).
 */
export class Operations1763700000013 implements MigrationInterface {
  name = 'Operations1763700000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox_messages ADD COLUMN traceparent text;
      CREATE INDEX notifications_dead ON notifications (updated_at DESC, id DESC) WHERE status = 'dead';
      CREATE STATISTICS appeals_status_level (mcv) ON status, level FROM appeals;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP STATISTICS appeals_status_level; DROP INDEX notifications_dead;
      ALTER TABLE outbox_messages DROP COLUMN traceparent;
    `);
  }
}
