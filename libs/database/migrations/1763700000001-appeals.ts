import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `'submitted', 'in_review', 'awaiting_appellant', 'escalated'`;

export class Appeals1763700000001 implements MigrationInterface {
  name = 'Appeals1763700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- the appeal priority; the TypeScript twin is libs/appeals/domain/priority.ts (a test keeps them equal)
      CREATE FUNCTION appeal_priority(automated boolean, breached boolean, frozen_minor bigint, wave_flagged boolean)
      RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
        SELECT round(
          (CASE WHEN automated THEN 40 ELSE 0 END)
          + (CASE WHEN breached THEN 30 ELSE 0 END)
          + 20 * least(1.0, greatest(0, frozen_minor)::numeric / 100000)
          + (CASE WHEN wave_flagged THEN 10 ELSE 0 END))::smallint
      $$;

      CREATE TABLE appeals (
        id                 uuid PRIMARY KEY,
        suspension_id      uuid NOT NULL REFERENCES suspensions (id),
        account_id         text NOT NULL,
        status             text NOT NULL CHECK (status IN (${OPEN}, 'decided', 'withdrawn')),
        level              smallint NOT NULL DEFAULT 1 CHECK (level IN (1, 2)),
        statement          text NOT NULL CHECK (char_length(statement) BETWEEN 20 AND 10000),
        requested_remedy   text NOT NULL CHECK (requested_remedy IN ('reinstate', 'refund_only', 'reinstate_or_refund')),
        assignee_id        text,
        priority           smallint NOT NULL CHECK (priority BETWEEN 0 AND 100),
        reason_code        text NOT NULL,
        wave_id            uuid REFERENCES waves (id),
        submitted_at       timestamptz NOT NULL,
        info_due_at        timestamptz,
        info_reminded_at   timestamptz,
        decision_due_at    timestamptz NOT NULL,
        clock_paused_at    timestamptz,
        sla_breached       boolean NOT NULL DEFAULT false,
        decision_outcome   text CHECK (decision_outcome IN ('upheld', 'overturned', 'modified')),
        decision_rationale text,
        decided_by         text,
        decided_at         timestamptz,
        updated_at         timestamptz NOT NULL DEFAULT now(),
        version            integer NOT NULL DEFAULT 1,
        -- one appeal per suspension, enforced here and not only in code
        CONSTRAINT appeals_one_per_suspension UNIQUE (suspension_id),
        CONSTRAINT appeals_decided_has_decision CHECK (
          (status = 'decided') = (decision_outcome IS NOT NULL AND decided_at IS NOT NULL AND decided_by IS NOT NULL AND decision_rationale IS NOT NULL)),
        CONSTRAINT appeals_in_review_has_assignee CHECK (status <> 'in_review' OR assignee_id IS NOT NULL),
        CONSTRAINT appeals_awaiting_has_due CHECK (status <> 'awaiting_appellant' OR (info_due_at IS NOT NULL AND clock_paused_at IS NOT NULL))
      );
      -- the triage queue and review/next: priority desc, submitted_at asc, id asc over open appeals
      CREATE INDEX appeals_queue ON appeals (priority DESC, submitted_at, id) WHERE status IN (${OPEN});
      CREATE INDEX appeals_claimable ON appeals (status, priority DESC, submitted_at, id) WHERE status IN ('submitted', 'escalated');
      CREATE INDEX appeals_account ON appeals (account_id, submitted_at DESC, id DESC);
      CREATE INDEX appeals_wave ON appeals (wave_id, status) WHERE wave_id IS NOT NULL;
      CREATE INDEX appeals_info_due ON appeals (info_due_at) WHERE status = 'awaiting_appellant';
      CREATE INDEX appeals_sla_due ON appeals (decision_due_at) WHERE NOT sla_breached AND status IN ('submitted', 'in_review', 'escalated');

      CREATE TABLE appeal_messages (
        id          uuid PRIMARY KEY,
        appeal_id   uuid NOT NULL REFERENCES appeals (id),
        author_role text NOT NULL CHECK (author_role IN ('appellant', 'reviewer', 'senior_reviewer', 'system')),
        author_id   text NOT NULL,
        body        text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        internal    boolean NOT NULL DEFAULT false,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appeal_messages_appellant_public CHECK (author_role <> 'appellant' OR NOT internal)
      );
      CREATE INDEX appeal_messages_thread ON appeal_messages (appeal_id, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE appeal_messages; DROP TABLE appeals; DROP FUNCTION appeal_priority(boolean, boolean, bigint, boolean);`,
    );
  }
}
