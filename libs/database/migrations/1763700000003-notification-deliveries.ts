import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery log of e-mail and webhook notifications: when the next attempt is due, who is working on
 * it (a lease, so a lost queue job can be re-enqueued without two workers sending at once) and when the
 * row last changed. PostgreSQL stays the record of what is owed; BullMQ only schedules the attempts.
 */
export class NotificationDeliveries1763700000003 implements MigrationInterface {
  name = 'NotificationDeliveries1763700000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN claimed_until   timestamptz,
        ADD COLUMN updated_at      timestamptz NOT NULL DEFAULT now();
      UPDATE notifications SET next_attempt_at = created_at WHERE status IN ('pending', 'failed');
      ALTER TABLE notifications
        -- an owed delivery always has a due time, so the sweep can never overlook it
        ADD CONSTRAINT notifications_owed_has_due CHECK (status NOT IN ('pending', 'failed') OR next_attempt_at IS NOT NULL),
        ADD CONSTRAINT notifications_sent_has_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        -- the in-app inbox is written, not delivered: it is sent the moment it exists
        ADD CONSTRAINT notifications_inbox_sent CHECK (channel <> 'inbox' OR status = 'sent');
      -- the delivery sweep: owed deliveries by due time
      CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('pending', 'failed');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX notifications_due;
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_inbox_sent,
        DROP CONSTRAINT notifications_sent_has_sent_at,
        DROP CONSTRAINT notifications_owed_has_due,
        DROP COLUMN updated_at,
        DROP COLUMN claimed_until,
        DROP COLUMN next_attempt_at;
    `);
  }
}
