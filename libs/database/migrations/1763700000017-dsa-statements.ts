import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToAppRole } from './app-role';

/**
 * DSA statements of reasons (docs/dsa.md). `dsa_statements`: one row per decision on a suspension,
 * published once and never changed (the app role may only insert, and a trigger refuses any change
 * from anyone else), each with a puid of its own. `dsa_submissions`: the sending of a statement to the
 * Transparency Database, a small state machine (pending → accepted | rejected, rejected → pending on
 * a retry, accepted is final) in which a puid can be accepted only once.
 */
export class DsaStatements1763700000017 implements MigrationInterface {
  name = 'DsaStatements1763700000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dsa_statements (
        id            uuid PRIMARY KEY,
        suspension_id uuid NOT NULL REFERENCES suspensions (id),
        seq           integer NOT NULL CHECK (seq >= 1),
        decision      text NOT NULL CHECK (decision IN ('suspension', 'termination', 'lift', 'reopening')),
        puid          text NOT NULL UNIQUE CHECK (puid ~ '^[a-zA-Z0-9_-]+$' AND length(puid) <= 500),
        statement     jsonb NOT NULL CHECK (statement ->> 'puid' = puid),
        published_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (suspension_id, seq),
        UNIQUE (id, puid)
      );
      -- the bulk export walks statements in publication order
      CREATE INDEX dsa_statements_published ON dsa_statements (published_at, id);

      CREATE FUNCTION dsa_statements_published_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published statement of reasons never changes (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER dsa_statements_published_once BEFORE UPDATE OR DELETE ON dsa_statements
        FOR EACH ROW EXECUTE FUNCTION dsa_statements_published_once();

      CREATE TABLE dsa_submissions (
        id              uuid PRIMARY KEY,
        statement_id    uuid NOT NULL UNIQUE,
        puid            text NOT NULL,
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
        attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text,
        errors          jsonb,
        submitted_at    timestamptz,
        tdb_uuid        text,
        tdb_permalink   text,
        created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (statement_id, puid) REFERENCES dsa_statements (id, puid),
        CONSTRAINT dsa_submissions_accepted_when_submitted CHECK ((status = 'accepted') = (submitted_at IS NOT NULL)),
        CONSTRAINT dsa_submissions_rejected_with_errors CHECK (status <> 'rejected' OR errors IS NOT NULL)
      );
      -- never an accepted puid twice, whatever the code does
      CREATE UNIQUE INDEX dsa_submissions_accepted_puid ON dsa_submissions (puid) WHERE status = 'accepted';
      CREATE INDEX dsa_submissions_due ON dsa_submissions (next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX dsa_submissions_by_status ON dsa_submissions (status, created_at, id);

      CREATE FUNCTION dsa_submissions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'submissions are kept for good (DELETE refused)' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW.status <> 'pending' THEN
            RAISE EXCEPTION 'a submission starts as pending'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'dsa_submissions_transition';
          END IF;
          RETURN NEW;
        END IF;
        IF (NEW.statement_id, NEW.puid) IS DISTINCT FROM (OLD.statement_id, OLD.puid) THEN
          RAISE EXCEPTION 'submission %: its statement never changes', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'dsa_submissions_statement';
        END IF;
        IF OLD.status = 'accepted' THEN
          RAISE EXCEPTION 'submission % was accepted and is final', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'dsa_submissions_final';
        END IF;
        IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN
           (('pending', 'accepted'), ('pending', 'rejected'), ('rejected', 'pending')) THEN
          RAISE EXCEPTION 'submission % cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'dsa_submissions_transition';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER dsa_submissions_guard BEFORE INSERT OR UPDATE OR DELETE ON dsa_submissions
        FOR EACH ROW EXECUTE FUNCTION dsa_submissions_guard();
    `);
    await grantToAppRole(q, ['dsa_statements'], 'SELECT, INSERT');
    await grantToAppRole(q, ['dsa_submissions'], 'SELECT, INSERT, UPDATE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE dsa_submissions;
      DROP FUNCTION dsa_submissions_guard();
      DROP TABLE dsa_statements;
      DROP FUNCTION dsa_statements_published_once();
    `);
  }
}
