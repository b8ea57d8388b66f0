import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, grantToAppRole } from './app-role';

/**
 * Tamper evidence that does not trust the database (SECURITY.md, "Verifying the audit log as an
 * outsider"): the worker links committed audit events into one global chain in seq order
 * (`audit_chain`) and signs checkpoints of it with a key the database never sees (`audit_checkpoints`).
 *
 * Sequence values are taken before commit and commit out of order, so a linker must know when every
 * transaction holding a seq up to some value has ended, without making writers wait. `audit_next_seq()`
 * gives an audit-writing transaction its xid before its seq: a linker that reads the sequence's last
 * value and then takes an xid of its own knows that each holder of a seq up to that value has a lower
 * xid, so once the oldest running xid is above its own, those seqs are final (`AuditChainLinker`).
 * `audit_chain_state` keeps the chain's head and that pending watermark, shared by every worker and API.
 */
export class AuditCheckpoints1763700000012 implements MigrationInterface {
  name = 'AuditCheckpoints1763700000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_next_seq() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_current_xact_id();
        RETURN nextval('audit_events_seq_seq');
      END $$;
      ALTER TABLE audit_events ALTER COLUMN seq SET DEFAULT audit_next_seq();

      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;

      CREATE TABLE audit_chain (
        seq    bigint PRIMARY KEY,
        digest char(64) NOT NULL
      );

      CREATE TABLE audit_checkpoints (
        id        bigserial PRIMARY KEY,
        seq       bigint NOT NULL,
        digest    char(64) NOT NULL,
        count     bigint NOT NULL,
        at        timestamptz NOT NULL,
        signature text NOT NULL
      );
      -- the verifier walks checkpoints in chain order
      CREATE INDEX audit_checkpoints_seq ON audit_checkpoints (seq, id);

      CREATE TRIGGER audit_chain_no_update_delete BEFORE UPDATE OR DELETE ON audit_chain
        FOR EACH ROW EXECUTE FUNCTION audit_append_only();
      CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
        FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
      CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
        FOR EACH ROW EXECUTE FUNCTION audit_append_only();
      CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

      CREATE TABLE audit_chain_state (
        id            boolean PRIMARY KEY DEFAULT true CHECK (id),
        linked_seq    bigint NOT NULL DEFAULT 0,
        linked_count  bigint NOT NULL DEFAULT 0,
        linked_digest char(64) NOT NULL DEFAULT repeat('0', 64),
        pending_seq   bigint,
        pending_xid   xid8
      );
      INSERT INTO audit_chain_state DEFAULT VALUES;
    `);
    await grantToAppRole(q, ['audit_chain', 'audit_checkpoints'], 'SELECT, INSERT');
    await grantToAppRole(q, ['audit_chain_state'], 'SELECT, UPDATE');
    await q.query(`GRANT USAGE ON SEQUENCE audit_checkpoints_id_seq TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_chain_state, audit_checkpoints, audit_chain;
      DROP FUNCTION audit_append_only();
      ALTER TABLE audit_events ALTER COLUMN seq SET DEFAULT nextval('audit_events_seq_seq');
      DROP FUNCTION audit_next_seq();
    `);
  }
}
