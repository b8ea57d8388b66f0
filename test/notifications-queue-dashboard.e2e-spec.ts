import { eventually, TestApp, TestRedisServer } from '@redress/testing';

describe('Queue dashboard at /admin/queues: admins only', () => {
  let app: TestApp;
  let redis: TestRedisServer;

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    app = await TestApp.start('notifications_dashboard', { worker: false, env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await app.close();
    await redis.kill();
  });

  it('refuses callers without a token (401) and without the admin role (403), as problem+json', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/queue/deliveries']) {
      const anonymous = await app.http.get(path).expect(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect(anonymous.body.code).toBe('unauthenticated');
      const reviewer = await app.http
        .get(path)
        .set(app.bearer('reviewer_1', 'reviewer', 'senior_reviewer'))
        .expect(403);
      expect(reviewer.body.code).toBe('forbidden');
    }
    await app.http.get('/admin/queues').set({ Authorization: 'Bearer not.a.token' }).expect(401);
  });

  it('cannot be reached around the guard by spelling the path differently', async () => {
    for (const path of [
      '/admin/%71ueues',
      '/admin/queues/',
      '//admin/queues',
      '/admin/queues/api/queues?x=1',
    ]) {
      const res = await app.http.get(path);
      expect([401, 404]).toContain(res.status);
    }
  });

  it('shows the worker’s queues to an admin, read-only', async () => {
    const page = await app.http.get('/admin/queues').set(app.bearer('admin_1', 'admin')).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    const api = await app.http
      .get('/admin/queues/api/queues')
      .set(app.bearer('admin_1', 'admin'))
      .expect(200);
    const queues = api.body.queues as { name: string; readOnlyMode: boolean }[];
    expect(queues.map((q) => q.name).sort()).toEqual([
      'bulk-jobs',
      'deliveries',
      'dsa-submissions',
      'events',
      'events-bulk',
      'payouts',
    ]);
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
  });

  it('answers 503 at once while Redis is down, and recovers by itself', async () => {
    const admin = app.bearer('admin_1', 'admin');
    await redis.kill();
    const down = await eventually(async () => {
      const res = await app.http.get('/admin/queues/api/queues').set(admin);
      return res.status === 503 ? res : null;
    });
    expect(down.body.code).toBe('dependency_unavailable');
    await redis.restart();
    await eventually(async () => (await app.http.get('/admin/queues/api/queues').set(admin)).status === 200);
  });
});
