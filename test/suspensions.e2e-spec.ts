import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import { randomUUID } from 'node:crypto';

describe('Suspensions: enforcement suspends, the appellant sees why, the notice reaches the inbox', () => {
  let app: TestApp;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');

  beforeAll(async () => {
    app = await TestApp.start('suspensions');
  });
  afterAll(() => app.close());

  it('creates a suspension, shows the public view to its owner and delivers the notice to the inbox', async () => {
    const body = suspensionRequest();
    const created = await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      status: 'active',
      externalRef: body.externalRef,
      signals: body.signals,
      appealable: true,
    });
    const id = created.body.id as string;

    const owner = app.bearer(body.accountId as string, 'appellant');
    const view = await app.http.get(`/v1/suspensions/${id}`).set(owner).expect(200);
    expect(view.body).toMatchObject({
      id,
      reasonCode: 'model_distillation',
      frozenBalance: { amountMinor: 12500, currency: 'USD' },
    });
    expect(view.body).not.toHaveProperty('signals');
    expect(view.body).not.toHaveProperty('accountEmail');
    const days = (Date.parse(view.body.appealDeadline) - Date.parse(view.body.suspendedAt)) / 86_400_000;
    expect(days).toBe(180);

    const mine = await app.http.get('/v1/me/suspensions').set(owner).expect(200);
    expect(mine.body.data.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(mine.body.nextCursor).toBeNull();

    const inbox = await eventually(
      async () => {
        const res = await app.http.get('/v1/me/notifications').set(owner).expect(200);
        return res.body.data.length > 0 ? res.body.data : null;
      },
      15000,
      'the suspension notice',
    );
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ template: 'suspension.noticed', suspensionId: id, locale: 'en' });
    expect(inbox[0].body).toContain('Terms of Service §4.2');
    const [row] = await app.query<{ notice_sent_at: Date | null }>(
      'SELECT notice_sent_at FROM suspensions WHERE id = $1',
      [id],
    );
    expect(row.notice_sent_at).not.toBeNull();
  });

  it('renders the notice in zh-CN for a zh-CN account', async () => {
    const body = suspensionRequest({ locale: 'zh-CN' });
    await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
    const owner = app.bearer(body.accountId as string, 'appellant');
    const [notice] = await eventually(async () =>
      (await app.http.get('/v1/me/notifications').set(owner)).body.data?.length
        ? (await app.http.get('/v1/me/notifications').set(owner)).body.data
        : null,
    );
    expect(notice.locale).toBe('zh-CN');
    expect(notice.body).toMatch(/[\u4e00-\u9fff]/);
  });

  it('is idempotent on externalRef: same payload → 200 with the same suspension, other payload → 409', async () => {
    const body = suspensionRequest();
    const first = await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
    const again = await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const conflict = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .send({ ...body, reasonCode: 'spam' })
      .expect(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
    expect(conflict.body.code).toBe('external_ref_conflict');
    const rows = await app.query('SELECT id FROM suspensions WHERE external_ref = $1', [body.externalRef]);
    expect(rows).toHaveLength(1);
    const notices = await app.query(`SELECT id FROM outbox_messages WHERE payload->>'suspensionId' = $1`, [
      first.body.id,
    ]);
    expect(notices).toHaveLength(1);
  });

  it('runs the appeal window of a backdated suspension from receipt, so it can still be appealed', async () => {
    const suspendedAt = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const before = Date.now();
    const body = suspensionRequest({ suspendedAt });
    const created = await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
    expect(created.body).toMatchObject({ suspendedAt, appealable: true });
    const deadline = Date.parse(created.body.appealDeadline);
    expect(deadline).toBeGreaterThanOrEqual(before + 180 * 86_400_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 180 * 86_400_000);
    await app.http
      .post('/v1/appeals')
      .set(app.bearer(body.accountId as string, 'appellant'))
      .send({
        suspensionId: created.body.id,
        statement: 'I was told of this suspension only today, more than a year after it began.',
        requestedRemedy: 'reinstate',
      })
      .expect(201);
  });

  it('hides another appellant’s suspension (404) and refuses appellants creating suspensions (403)', async () => {
    const body = suspensionRequest();
    const created = await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
    const stranger = app.bearer('acct_someone_else', 'appellant');
    const hidden = await app.http.get(`/v1/suspensions/${created.body.id}`).set(stranger).expect(404);
    expect(hidden.body.code).toBe('not_found');
    await app.http.get('/v1/suspensions/not-a-uuid').set(stranger).expect(404);
    const forbidden = await app.http
      .post('/v1/suspensions')
      .set(stranger)
      .send(suspensionRequest())
      .expect(403);
    expect(forbidden.body.code).toBe('forbidden');
  });

  it('shows and lets lift a suspension only to the enforcement client that sent it; other staff see all', async () => {
    const created = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .send(suspensionRequest())
      .expect(201);
    const id = created.body.id as string;
    const rival = app.bearer('enforcer_2', 'enforcement');
    const hidden = await app.http.get(`/v1/suspensions/${id}`).set(rival).expect(404);
    const missing = await app.http.get(`/v1/suspensions/${randomUUID()}`).set(rival).expect(404);
    expect(hidden.body).toMatchObject({ code: 'not_found', detail: missing.body.detail });
    expect(hidden.text).not.toContain('distill-v3');
    const lift = await app.http
      .post(`/v1/suspensions/${id}/lift`)
      .set(rival)
      .send({ reason: 'not my suspension to lift' })
      .expect(404);
    expect(lift.body.code).toBe('not_found');
    const [row] = await app.query<{ status: string }>('SELECT status FROM suspensions WHERE id = $1', [id]);
    expect(row.status).toBe('active');

    for (const as of [
      enforcement(),
      app.bearer('rev_1', 'reviewer'),
      app.bearer('senior_1', 'senior_reviewer'),
      app.bearer('fin_1', 'finance'),
      app.bearer('admin_1', 'admin'),
      app.bearer('enforcer_2', 'enforcement', 'reviewer'),
    ]) {
      const seen = await app.http.get(`/v1/suspensions/${id}`).set(as).expect(200);
      expect(seen.body.signals).toEqual({ detector: 'distill-v3', score: 0.97 });
    }
    await app.http
      .post(`/v1/suspensions/${id}/lift`)
      .set(app.bearer('admin_1', 'admin'))
      .send({ reason: 'an admin may lift any suspension' })
      .expect(200);
  });

  it('answers 400 problem+json listing each bad field, and unknown fields, writing nothing', async () => {
    const res = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .send(
        suspensionRequest({
          reasonCode: 'being_rude',
          frozenBalance: { amountMinor: 1.5, currency: 'usd' },
          isAdmin: true,
        }),
      )
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: 400,
      code: 'validation_failed',
      title: expect.any(String),
      type: expect.any(String),
    });
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'reasonCode',
        'frozenBalance.amountMinor',
        'frozenBalance.currency',
        'isAdmin',
      ]),
    );
  });

  it('lifts a suspension once, releasing the frozen balance, and honours If-Match', async () => {
    const body = suspensionRequest();
    const created = await app.http.post('/v1/suspensions').set(enforcement()).send(body).expect(201);
    const id = created.body.id;
    const stale = await app.http
      .post(`/v1/suspensions/${id}/lift`)
      .set(enforcement())
      .set('If-Match', '"7"')
      .send({ reason: 'detector misfired' })
      .expect(412);
    expect(stale.body.code).toBe('version_mismatch');
    const lifted = await app.http
      .post(`/v1/suspensions/${id}/lift`)
      .set(enforcement())
      .set('If-Match', '"1"')
      .send({ reason: 'detector misfired' })
      .expect(200);
    expect(lifted.body).toMatchObject({
      status: 'lifted',
      liftReason: 'detector misfired',
      releasedBalance: { amountMinor: 12500, currency: 'USD' },
      version: 2,
    });
    expect(lifted.headers.etag).toBe('"2"');
    const again = await app.http
      .post(`/v1/suspensions/${id}/lift`)
      .set(enforcement())
      .send({ reason: 'again' })
      .expect(409);
    expect(again.body.code).toBe('suspension_not_active');
    const events = await app.query<{ type: string }>(
      `SELECT type FROM outbox_messages WHERE payload->>'suspensionId' = $1 ORDER BY created_at`,
      [id],
    );
    expect(events.map((e) => e.type)).toEqual(['suspension.noticed', 'suspension.lifted']);
  });

  it('carries X-Request-Id: echoes a valid one, mints one otherwise', async () => {
    const echoed = await app.http.get('/health/live').set('X-Request-Id', 'trace-abc-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('trace-abc-123');
    const minted = await app.http.get('/health/live').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(minted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
