import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay claims each lane on its own: single notices at once, a ban wave's no faster than they are
 * sent (BULK_NOTICES_PER_SECOND). Ordered by lane first, a claim of single notices no longer walks past
 * the tens of thousands of wave notices waiting ahead of them.
 */
export class OutboxLanes1763700000009 implements MigrationInterface {
  name = 'OutboxLanes1763700000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX outbox_messages_unprocessed;
      CREATE INDEX outbox_messages_unprocessed ON outbox_messages (lane, available_at, id) WHERE processed_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX outbox_messages_unprocessed;
      CREATE INDEX outbox_messages_unprocessed ON outbox_messages (available_at, id) WHERE processed_at IS NULL;
    `);
  }
}
