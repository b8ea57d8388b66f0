import { eventually, suspensionRequest, TestApp, TestRedisServer } from '@redress/testing';

describe('Transactional outbox: Redis loss loses nothing', () => {
  let app: TestApp;
  let redis: TestRedisServer;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    app = await TestApp.start('outbox', { env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await app.close();
    await redis.kill();
  });

  const inboxCount = async (accountIds: string[]) =>
    Number(
      (
        await app.query<{ n: string }>(
          `SELECT count(*) AS n FROM notifications WHERE channel = 'inbox' AND recipient = ANY($1)`,
          [accountIds],
        )
      )[0].n,
    );

  it('accepts suspensions while Redis is down and delivers every notice once it is back, none twice', async () => {
    await redis.kill();
    const bodies = Array.from({ length: 25 }, () => suspensionRequest());
    for (const body of bodies) {
      // the API only writes the outbox row, so Redis being down never blocks (or hangs) a request
      await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
    }
    const accounts = bodies.map((b) => b.accountId as string);
    expect(await inboxCount(accounts)).toBe(0);

    await redis.restart(); // empty: no persistence
    await eventually(async () => (await inboxCount(accounts)) === 25, 30000, 'all 25 notices');
    const perEvent = await app.query<{ n: string }>(
      `SELECT count(*) AS n FROM notifications WHERE recipient = ANY($1) GROUP BY event_id, channel, recipient`,
      [accounts],
    );
    expect(perEvent.every((r) => r.n === '1')).toBe(true);
    const [{ unprocessed }] = await app.query<{ unprocessed: string }>(
      `SELECT count(*) AS unprocessed FROM outbox_messages WHERE processed_at IS NULL`,
    );
    expect(unprocessed).toBe('0');
  });

  it('re-relays events whose queued jobs vanished when Redis restarted empty', async () => {
    await app.stopWorker();
    const bodies = Array.from({ length: 10 }, () => suspensionRequest());
    for (const body of bodies)
      await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
    // pretend an earlier relay had queued them, then Redis lost its data
    await app.query(`UPDATE outbox_messages SET relayed_at = now() WHERE processed_at IS NULL`);
    await redis.kill();
    await redis.restart();
    await app.startWorker();
    const accounts = bodies.map((b) => b.accountId as string);
    await eventually(async () => (await inboxCount(accounts)) === 10, 30000, 'all 10 notices');
  });
});
