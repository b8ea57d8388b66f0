import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToAppRole } from './app-role';

const OPEN = `'submitted', 'in_review', 'awaiting_appellant', 'escalated'`;

/**
 * The reviewer's tools (docs/api.md, "Reviewer tools").
 *
 * Macros: reusable texts for requests for information, decisions and notes, one row per macro and
 * locale, versioned like every mutable resource. A decision macro names its outcome, the others none.
 *
 * The triage queue orders by priority band (tens of points) first, SLA-breached cases first within a
 * band, then priority, age and id (libs/appeals/domain/queue-order.ts): the queue and review/next
 * indexes follow that order, so a keyset page stays one index range. A second queue order, by
 * decision due date, gets its own index.
 *
 * Search (GET /v1/search) looks suspensions up by their enforcement reference alone, whatever system
 * sent them, and waves by the start of their name.
 */
export class ReviewerTools1763700000015 implements MigrationInterface {
  name = 'ReviewerTools1763700000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE macros (
        id          uuid PRIMARY KEY,
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind        text NOT NULL CHECK (kind IN ('request_info', 'decision', 'note')),
        outcome     text CHECK (outcome IN ('upheld', 'overturned', 'modified')),
        reason_code text,
        locale      text NOT NULL,
        body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT macros_outcome_for_decisions CHECK ((kind = 'decision') = (outcome IS NOT NULL))
      );
      CREATE INDEX macros_by_name ON macros (name, id);

      DROP INDEX appeals_queue;
      CREATE INDEX appeals_queue ON appeals ((-(priority / 10)), (NOT sla_breached), (-priority), submitted_at, id)
        WHERE status IN (${OPEN});
      DROP INDEX appeals_claimable;
      CREATE INDEX appeals_claimable ON appeals ((-(priority / 10)), (NOT sla_breached), (-priority), submitted_at, id)
        WHERE status IN ('submitted', 'escalated') AND assignee_id IS NULL;
      CREATE INDEX appeals_queue_due ON appeals (decision_due_at, id) WHERE status IN (${OPEN});

      CREATE INDEX suspensions_external_ref ON suspensions (external_ref);
      CREATE INDEX waves_name ON waves (lower(name) text_pattern_ops);
    `);
    await grantToAppRole(q, ['macros'], 'SELECT, INSERT, UPDATE, DELETE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX waves_name; DROP INDEX suspensions_external_ref; DROP INDEX appeals_queue_due;
      DROP INDEX appeals_claimable;
      CREATE INDEX appeals_claimable ON appeals (priority DESC, submitted_at, id)
        WHERE status IN ('submitted', 'escalated') AND assignee_id IS NULL;
      DROP INDEX appeals_queue;
      CREATE INDEX appeals_queue ON appeals ((-priority), submitted_at, id) WHERE status IN (${OPEN});
      DROP TABLE macros;
    `);
  }
}
