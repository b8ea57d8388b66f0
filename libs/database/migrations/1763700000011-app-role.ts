import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, grantToAppRole } from './app-role';

/**
 * The running apps connect as APP_ROLE, which owns nothing: it cannot alter tables, disable triggers,
 * set session_replication_role or rewrite history. Append-only tables (the audit log, the ledger's
 * entries and legs) get SELECT and INSERT only; a later migration that creates a table grants on it
 * with grantToAppRole in the same step.
 */
export class AppRole1763700000011 implements MigrationInterface {
  name = 'AppRole1763700000011';

  async up(q: QueryRunner): Promise<void> {
    // Roles belong to the cluster, not the database: another database may have created it already
    // (or be creating it right now), so "already exists" is success.
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$;
    `);
    await grantToAppRole(q, ['audit_events', 'ledger_entries', 'ledger_legs'], 'SELECT, INSERT');
    await grantToAppRole(
      q,
      [
        'appeals',
        'appeal_messages',
        'bulk_jobs',
        'bulk_job_failures',
        'evidence',
        'ledger_balances',
        'notifications',
        'outbox_messages',
        'refunds',
        'suspensions',
        'wave_refunds_paid',
        'wave_stats',
        'waves',
      ],
      'SELECT, INSERT, UPDATE',
    );
    await grantToAppRole(q, ['idempotency_keys'], 'SELECT, INSERT, UPDATE, DELETE');
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // an app started with the role's URL alone checks that no migration is pending (migrate())
    await grantToAppRole(q, ['schema_migrations'], 'SELECT');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
  }
}
