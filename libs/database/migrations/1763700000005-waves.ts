import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `'submitted', 'in_review', 'awaiting_appellant', 'escalated'`;

/**
 * Ban-wave statistics kept as counters by statement-level triggers, so they stay right whatever writes
 * the rows (single calls, 10,000-item batches, bulk decisions) and cost one row read per request.
 * Bulk jobs record the progress of wave-wide decisions for GET /v1/jobs/:id.
 */
export class Waves1763700000005 implements MigrationInterface {
  name = 'Waves1763700000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE wave_stats (
        wave_id            uuid PRIMARY KEY REFERENCES waves (id),
        suspensions        integer NOT NULL DEFAULT 0 CHECK (suspensions >= 0),
        appeals_filed      integer NOT NULL DEFAULT 0 CHECK (appeals_filed >= 0),
        appeals_open       integer NOT NULL DEFAULT 0 CHECK (appeals_open >= 0),
        appeals_decided    integer NOT NULL DEFAULT 0 CHECK (appeals_decided >= 0),
        appeals_overturned integer NOT NULL DEFAULT 0 CHECK (appeals_overturned >= 0),
        -- Overturn rate ≥ 30 % with at least 10 decided appeals
        flagged            boolean GENERATED ALWAYS AS (appeals_decided >= 10 AND appeals_overturned * 10 >= appeals_decided * 3) STORED
      );
      CREATE TABLE wave_refunds_paid (
        wave_id      uuid NOT NULL REFERENCES waves (id),
        currency     char(3) NOT NULL,
        paid_count   integer NOT NULL CHECK (paid_count >= 0),
        paid_minor   bigint NOT NULL CHECK (paid_minor >= 0),
        PRIMARY KEY (wave_id, currency)
      );
      INSERT INTO wave_stats (wave_id) SELECT id FROM waves;
      CREATE INDEX waves_created ON waves (created_at DESC, id DESC);

      CREATE FUNCTION wave_stats_new_wave() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO wave_stats (wave_id) VALUES (NEW.id);
        RETURN NULL;
      END $$;
      CREATE TRIGGER wave_stats_new_wave AFTER INSERT ON waves FOR EACH ROW EXECUTE FUNCTION wave_stats_new_wave();

      CREATE FUNCTION wave_stats_suspensions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE wave_stats w SET suspensions = w.suspensions + n.c
          FROM (SELECT wave_id, count(*)::int AS c FROM new_rows WHERE wave_id IS NOT NULL GROUP BY wave_id) n
         WHERE w.wave_id = n.wave_id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER wave_stats_suspensions_inserted AFTER INSERT ON suspensions
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wave_stats_suspensions_inserted();

      CREATE FUNCTION wave_stats_appeals_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE wave_stats w SET appeals_filed = w.appeals_filed + n.c, appeals_open = w.appeals_open + n.c
          FROM (SELECT wave_id, count(*)::int AS c FROM new_rows WHERE wave_id IS NOT NULL GROUP BY wave_id) n
         WHERE w.wave_id = n.wave_id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER wave_stats_appeals_inserted AFTER INSERT ON appeals
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wave_stats_appeals_inserted();

      CREATE FUNCTION wave_stats_appeals_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE wave_stats w
           SET appeals_open = w.appeals_open + d.open,
               appeals_decided = w.appeals_decided + d.decided,
               appeals_overturned = w.appeals_overturned + d.overturned
          FROM (SELECT n.wave_id,
                       sum((n.status IN (${OPEN}))::int - (o.status IN (${OPEN}))::int)::int AS open,
                       sum((n.status = 'decided')::int - (o.status = 'decided')::int)::int AS decided,
                       sum((n.status = 'decided' AND n.decision_outcome = 'overturned')::int
                         - (o.status = 'decided' AND o.decision_outcome = 'overturned')::int)::int AS overturned
                  FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.wave_id IS NOT NULL
                 GROUP BY n.wave_id) d
         WHERE w.wave_id = d.wave_id AND (d.open <> 0 OR d.decided <> 0 OR d.overturned <> 0);
        RETURN NULL;
      END $$;
      CREATE TRIGGER wave_stats_appeals_updated AFTER UPDATE ON appeals
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wave_stats_appeals_updated();

      CREATE FUNCTION wave_refunds_paid_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO wave_refunds_paid AS t (wave_id, currency, paid_count, paid_minor)
        SELECT s.wave_id, n.currency, count(*)::int, sum(n.amount_minor)
          FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN suspensions s ON s.id = n.suspension_id
         WHERE n.status = 'paid' AND o.status <> 'paid' AND s.wave_id IS NOT NULL
         GROUP BY s.wave_id, n.currency
        ON CONFLICT (wave_id, currency) DO UPDATE
          SET paid_count = t.paid_count + EXCLUDED.paid_count, paid_minor = t.paid_minor + EXCLUDED.paid_minor;
        RETURN NULL;
      END $$;
      CREATE TRIGGER wave_refunds_paid_updated AFTER UPDATE ON refunds
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wave_refunds_paid_updated();

      CREATE TABLE bulk_jobs (
        id                 uuid PRIMARY KEY,
        kind               text NOT NULL CHECK (kind IN ('wave_bulk_decision')),
        wave_id            uuid NOT NULL REFERENCES waves (id),
        outcome            text NOT NULL CHECK (outcome IN ('upheld', 'overturned', 'modified')),
        rationale          text NOT NULL,
        include_unappealed boolean NOT NULL,
        actor_sub          text NOT NULL,
        actor_roles        text[] NOT NULL,
        state              text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'completed', 'failed')),
        total              integer NOT NULL CHECK (total >= 0),
        processed          integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
        failed             integer NOT NULL DEFAULT 0 CHECK (failed >= 0),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        finished_at        timestamptz,
        CONSTRAINT bulk_jobs_finished CHECK ((state IN ('completed', 'failed')) = (finished_at IS NOT NULL))
      );
      -- items a job could not process, so a resumed job skips them instead of failing forever
      CREATE TABLE bulk_job_failures (
        job_id     uuid NOT NULL REFERENCES bulk_jobs (id),
        item_id    uuid NOT NULL,
        error      text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (job_id, item_id)
      );
      CREATE INDEX suspensions_wave_active ON suspensions (wave_id, id) WHERE status = 'active';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE bulk_job_failures; DROP TABLE bulk_jobs;
      DROP TRIGGER wave_refunds_paid_updated ON refunds; DROP FUNCTION wave_refunds_paid_updated();
      DROP TRIGGER wave_stats_appeals_updated ON appeals; DROP FUNCTION wave_stats_appeals_updated();
      DROP TRIGGER wave_stats_appeals_inserted ON appeals; DROP FUNCTION wave_stats_appeals_inserted();
      DROP TRIGGER wave_stats_suspensions_inserted ON suspensions; DROP FUNCTION wave_stats_suspensions_inserted();
      DROP TRIGGER wave_stats_new_wave ON waves; DROP FUNCTION wave_stats_new_wave();
      DROP TABLE wave_refunds_paid; DROP TABLE wave_stats; DROP INDEX suspensions_wave_active; DROP INDEX waves_created;
    `);
  }
}
