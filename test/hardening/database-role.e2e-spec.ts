import { APP_ROLE } from '@redress/database';
import { suspensionRequest, TestApp } from '@redress/testing';
import { Client } from 'pg';

/**
 * The apps connect as a role that owns nothing, so their credentials cannot rewrite history:
 * no UPDATE, DELETE or TRUNCATE of audit events, no disabling the trigger that forbids them, no
 * session_replication_role (which would skip it).
 */
describe('The database role the apps run as', () => {
  let app: TestApp;
  let asApp: Client;

  beforeAll(async () => {
    app = await TestApp.start('hardening_database_role', { worker: false });
    asApp = new Client({ connectionString: app.env.DATABASE_URL });
    await asApp.connect();
  });
  afterAll(async () => {
    await asApp.end();
    await app.close();
  });

  const refusal = (sql: string) =>
    asApp.query(sql).then(
      () => `accepted: ${sql}`,
      (error: { code?: string }) => error.code,
    );

  it('is the role the API connects as, not a superuser, and owns no table', async () => {
    await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(suspensionRequest())
      .expect(201);
    const sessions = await app.query<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'redress'`,
    );
    expect(sessions).toEqual([{ usename: APP_ROLE }]);
    const [role] = await app.query<Record<string, boolean>>(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1`,
      [APP_ROLE],
    );
    expect(Object.values(role)).toEqual([false, false, false, false, false]);
    const owned = await app.query(`SELECT tablename FROM pg_tables WHERE tableowner = $1`, [APP_ROLE]);
    expect(owned).toEqual([]);
  });

  it('cannot update, delete or truncate audit events, disable their trigger or skip it', async () => {
    const [{ n }] = await app.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(n).toBeGreaterThan(0);
    const insufficientPrivilege = '42501';
    for (const sql of [
      `UPDATE audit_events SET data = '{}'`,
      'DELETE FROM audit_events',
      'TRUNCATE audit_events',
      'ALTER TABLE audit_events DISABLE TRIGGER ALL',
      'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete',
      'DROP TRIGGER audit_events_no_update_delete ON audit_events',
      'SET session_replication_role = replica',
      'CREATE TABLE shadow_audit (seq bigint)',
      'DELETE FROM ledger_legs',
      'UPDATE ledger_entries SET created_at = now()',
    ]) {
      expect({ sql, code: await refusal(sql) }).toEqual({ sql, code: insufficientPrivilege });
    }
    const [{ after }] = await app.query<{ after: number }>('SELECT count(*)::int AS after FROM audit_events');
    expect(after).toBe(n);
  });
});
