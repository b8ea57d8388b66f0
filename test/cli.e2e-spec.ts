import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import { runCli } from '../apps/cli/run-cli';

describe('The admin CLI (npm run cli -- <command>)', () => {
  let app: TestApp;
  const cli = (...args: string[]) => runCli(args, app.env, () => undefined);
  const json = async (...args: string[]) => {
    const { exitCode, output } = await cli(...args, '--json');
    return { exitCode, body: JSON.parse(output) };
  };

  beforeAll(async () => {
    app = await TestApp.start('cli', {
      // every webhook fails (nothing listens there) and its first failure is its last: dead at once
      env: { NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/hooks', NOTIFY_MAX_ATTEMPTS: '1' },
    });
  });
  afterAll(() => app.close());

  it('migrate and migrate:status: nothing pending on a migrated database, every migration listed', async () => {
    expect(await json('migrate')).toEqual({ exitCode: 0, body: { applied: [] } });
    const status = await json('migrate:status');
    expect(status.exitCode).toBe(0);
    expect(status.body.pending).toBe(0);
    expect(status.body.migrations).toContainEqual({ name: 'Operations1763700000013', applied: true });
    expect(status.body.migrations.every((m: { applied: boolean }) => m.applied)).toBe(true);
    expect((await cli('migrate:status')).output).toContain('up to date');
  });

  it('token: signs a token the API accepts; refuses an unknown role with exit 2', async () => {
    const { exitCode, body } = await json('token', '--sub', 'rev_cli', '--roles', 'reviewer');
    expect(exitCode).toBe(0);
    await app.http.get('/v1/review/queue').set('Authorization', `Bearer ${body.token}`).expect(200);
    const refused = await cli('token', '--sub', 'x', '--roles', 'wizard');
    expect(refused.exitCode).toBe(2);
    expect(refused.output).toContain('unknown role(s): wizard');
  });

  it('deliveries:list --status dead, deliveries:redeliver <id> and --dead, outbox:status, audit:verify', async () => {
    await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(suspensionRequest())
      .expect(201);
    const dead = await eventually(
      async () => {
        const { body } = await json('deliveries:list', '--status', 'dead');
        return body.deliveries.length > 0 ? body.deliveries : undefined;
      },
      20_000,
      'a dead webhook delivery',
    );
    expect(dead[0]).toMatchObject({ channel: 'webhook', status: 'dead', attempts: 1 });
    expect((await cli('deliveries:list')).exitCode).toBe(2);

    expect(await json('deliveries:redeliver', dead[0].id)).toEqual({
      exitCode: 0,
      body: { redelivered: [dead[0].id], refused: [] },
    });
    // sent again, it dies again (nothing listens); --dead then queues every dead one
    await eventually(
      async () => (await json('deliveries:list', '--status', 'dead')).body.deliveries.length > 0,
    );
    const all = await json('deliveries:redeliver', '--dead');
    expect(all.body.redelivered).toEqual([dead[0].id]);
    expect((await cli('deliveries:redeliver')).exitCode).toBe(2);

    const outbox = await json('outbox:status');
    expect(outbox.exitCode).toBe(0);
    expect(outbox.body.lanes.map((l: { lane: string }) => l.lane)).toEqual(['default', 'bulk']);

    const verified = await json('audit:verify');
    expect(verified).toMatchObject({ exitCode: 0, body: { ok: true } });
  });
});
