import type { MigrationInterface, QueryRunner } from 'typeorm';

const REASON_CODES = `'model_distillation','automated_extraction','tos_rival_training','region_restriction','account_sharing','payment_fraud','spam','other'`;

export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        seq          bigserial PRIMARY KEY,
        at           timestamptz NOT NULL,
        actor_sub    text NOT NULL,
        actor_roles  text[] NOT NULL,
        action       text NOT NULL,
        entity_type  text NOT NULL,
        entity_id    text NOT NULL,
        data         jsonb NOT NULL,
        prev_hash    char(64) NOT NULL,
        hash         char(64) NOT NULL,
        -- one chain per entity: two events can never claim the same predecessor
        CONSTRAINT audit_events_chain_unique UNIQUE (entity_type, entity_id, prev_hash)
      );
      CREATE INDEX audit_events_chain ON audit_events (entity_id, entity_type, seq);

      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

      CREATE TABLE outbox_messages (
        id           uuid PRIMARY KEY,
        type         text NOT NULL,
        lane         text NOT NULL DEFAULT 'default' CHECK (lane IN ('default', 'bulk')),
        payload      jsonb NOT NULL,
        request_id   text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        relayed_at   timestamptz,
        relay_count  integer NOT NULL DEFAULT 0,
        processed_at timestamptz
      );
      CREATE INDEX outbox_messages_unprocessed ON outbox_messages (available_at, id) WHERE processed_at IS NULL;

      CREATE TABLE idempotency_keys (
        sub              text NOT NULL,
        key              text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        request_hash     char(64) NOT NULL,
        state            text NOT NULL CHECK (state IN ('in_progress', 'completed')),
        response_status  integer,
        response_headers jsonb,
        response_body    text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL,
        PRIMARY KEY (sub, key)
      );
      CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

      CREATE TABLE waves (
        id          uuid PRIMARY KEY,
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        detector    text NOT NULL CHECK (length(detector) BETWEEN 1 AND 200),
        description text,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1
      );

      CREATE TABLE suspensions (
        id                    uuid PRIMARY KEY,
        account_id            text NOT NULL,
        source                text NOT NULL,
        external_ref          text NOT NULL,
        status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lifted', 'upheld')),
        reason_code           text NOT NULL CHECK (reason_code IN (${REASON_CODES})),
        policy_clause         text NOT NULL,
        statement_of_reasons  text NOT NULL,
        automated_detection   boolean NOT NULL,
        automated_decision    boolean NOT NULL,
        signals               jsonb NOT NULL DEFAULT '{}',
        wave_id               uuid REFERENCES waves (id),
        frozen_amount_minor   bigint NOT NULL DEFAULT 0 CHECK (frozen_amount_minor >= 0),
        released_amount_minor bigint NOT NULL DEFAULT 0,
        currency              char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        account_email         text NOT NULL,
        locale                text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN')),
        account_created_at    timestamptz,
        suspended_at          timestamptz NOT NULL,
        notice_sent_at        timestamptz,
        appeal_deadline       timestamptz NOT NULL,
        lifted_at             timestamptz,
        lift_reason           text,
        payload_hash          char(64) NOT NULL,
        created_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT suspensions_external_ref_unique UNIQUE (source, external_ref),
        CONSTRAINT suspensions_released_within_frozen CHECK (released_amount_minor BETWEEN 0 AND frozen_amount_minor),
        CONSTRAINT suspensions_deadline_after_suspension CHECK (appeal_deadline > suspended_at)
      );
      CREATE INDEX suspensions_account ON suspensions (account_id, suspended_at DESC, id DESC);
      CREATE INDEX suspensions_wave ON suspensions (wave_id) WHERE wave_id IS NOT NULL;

      CREATE TABLE notifications (
        id             uuid PRIMARY KEY,
        event_id       uuid NOT NULL,
        event_type     text NOT NULL,
        recipient_type text NOT NULL CHECK (recipient_type IN ('account', 'staff', 'platform')),
        recipient      text NOT NULL,
        channel        text NOT NULL CHECK (channel IN ('inbox', 'email', 'webhook')),
        template       text NOT NULL,
        locale         text NOT NULL CHECK (locale IN ('en', 'zh-CN')),
        subject        text,
        body           text,
        data           jsonb NOT NULL DEFAULT '{}',
        status         text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
        attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error     text,
        appeal_id      uuid,
        suspension_id  uuid,
        created_at     timestamptz NOT NULL DEFAULT now(),
        sent_at        timestamptz,
        -- an event reaches each recipient at most once per channel (the inbox exactly once)
        CONSTRAINT notifications_event_channel_recipient_unique UNIQUE (event_id, channel, recipient)
      );
      CREATE INDEX notifications_inbox ON notifications (recipient, created_at DESC, id DESC) WHERE channel = 'inbox';
      CREATE INDEX notifications_appeal ON notifications (appeal_id, created_at) WHERE appeal_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notifications; DROP TABLE suspensions; DROP TABLE waves; DROP TABLE idempotency_keys;
      DROP TABLE outbox_messages; DROP TABLE audit_events; DROP FUNCTION audit_events_append_only();
    `);
  }
}
