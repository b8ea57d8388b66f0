import { APP_ROLE } from '@redress/database';
import { eventually, suspendAndAppeal, TestApp, TestPostgresPair, testRunId } from '@redress/testing';
import { Client } from 'pg';

const MAX_LAG_MS = 1000;
const PAIR_START_MS = 120_000;

/** Reads of the read-only endpoints that ran where, from the API's own metrics. */
async function routedReads(app: TestApp): Promise<{ replica: number; primary: number; inUse: number }> {
  const text = (await app.http.get('/metrics').expect(200)).text;
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return {
    replica: value(/^redress_db_routed_reads_total\{target="replica"\} (\d+)/m),
    primary: value(/^redress_db_routed_reads_total\{target="primary"\} (\d+)/m),
    inUse: value(/^redress_db_replica_in_use (\d+)/m),
  };
}

describe('A PostgreSQL read replica: the read-only endpoints read from it, and from the primary while it is down or behind', () => {
  let pair: TestPostgresPair;
  let app: TestApp;
  let replica: Client;
  const name = `redress_test_${testRunId()}_replica`;
  const reviewer = () => app.bearer('reviewer_1', 'reviewer');
  const finance = () => app.bearer('finance_1', 'finance');
  const admin = () => app.bearer('admin_1', 'admin');
  const queue = () => app.http.get('/v1/review/queue?limit=50').set(reviewer());

  beforeAll(async () => {
    pair = await TestPostgresPair.start();
    const owner = new Client({ connectionString: pair.url('primary', 'postgres') });
    await owner.connect();
    await owner.query(`CREATE DATABASE "${name}"`);
    await owner.end();
    app = await TestApp.start('topology_read_replica', {
      database: { name, url: pair.url('primary', name), appUrl: pair.url('primary', name, APP_ROLE) },
      env: {
        DATABASE_REPLICA_URL: pair.url('replica', name, APP_ROLE),
        DATABASE_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
      },
    });
    replica = new Client({ connectionString: pair.url('replica', name) });
    replica.on('error', () => undefined); // the test stops the replica under it
    await replica.connect();
  }, PAIR_START_MS);
  afterAll(async () => {
    await replica?.end().catch(() => undefined);
    await app?.close();
    await pair?.close();
  });

  it('serves the queue, the lists, the ledger and the reports from the replica once it has caught up', async () => {
    const filed = await suspendAndAppeal(app);
    // the replica replays the filing within moments; until it is known to be close, reads stay on the primary
    await eventually(
      async () => {
        const { body } = await queue().expect(200);
        return (
          (await routedReads(app)).inUse === 1 &&
          body.data.some((a: { id: string }) => a.id === filed.appealId)
        );
      },
      20_000,
      'the queue read from the replica',
    );
    const before = await routedReads(app);
    await app.http.get('/v1/waves').set(reviewer()).expect(200);
    await app.http.get('/v1/refunds').set(finance()).expect(200);
    await app.http.get('/v1/ledger').set(finance()).expect(200);
    await app.http.get(`/v1/suspensions/${filed.suspensionId}/statement-of-reasons`).set(admin()).expect(200);
    await app.http.get('/v1/reports/transparency').set(admin()).expect(200);
    const after = await routedReads(app);
    expect(after.replica - before.replica).toBeGreaterThanOrEqual(5);
    expect(after.primary).toBe(before.primary);
    // the replica itself saw them: the API's connections are open on it
    const { rows } = await replica.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND usename = $2`,
      [name, APP_ROLE],
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it("stays on an idle primary's replica, and leaves one whose replay stops for the primary until it catches up", async () => {
    // the primary writes nothing for longer than the bound: a caught-up replica is not behind
    await new Promise((r) => setTimeout(r, 2 * MAX_LAG_MS));
    await queue().expect(200);
    expect((await routedReads(app)).inUse).toBe(1);

    await replica.query('SELECT pg_wal_replay_pause()');
    const filed = await suspendAndAppeal(app);
    // behind by more than the bound, measured by WAL position: the new appeal is read from the primary
    await eventually(async () => (await routedReads(app)).inUse === 0, 10_000, 'the fallback');
    const { body } = await queue().expect(200);
    expect(body.data.map((a: { id: string }) => a.id)).toContain(filed.appealId);

    await replica.query('SELECT pg_wal_replay_resume()');
    await eventually(async () => (await routedReads(app)).inUse === 1, 10_000, 'the replica again');
  });

  it('falls back to the primary, with no 5xx, while the replica is down', async () => {
    await pair.stopReplica();
    await replica.end().catch(() => undefined);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await queue()).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await routedReads(app)).inUse).toBe(0);
    const before = await routedReads(app);
    await app.http.get('/v1/waves').set(reviewer()).expect(200);
    expect((await routedReads(app)).primary).toBeGreaterThan(before.primary);

    await pair.startReplica();
    await eventually(
      async () => {
        await queue().expect(200);
        return (await routedReads(app)).inUse === 1;
      },
      20_000,
      'the replica back in use',
    );
  });
});
