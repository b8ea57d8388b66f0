import { STATEMENT, suspendAndAppeal, suspensionRequest, TestApp } from '@redress/testing';

describe('Appeals under concurrency', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('appeals_concurrency', {
      worker: false,
      env: { RATE_LIMIT_PER_MINUTE: '10000', DATABASE_POOL_SIZE: '30', DATABASE_CONNECT_TIMEOUT_MS: '20000' },
    });
  });
  afterAll(() => app.close());

  it('100 concurrent filings for one suspension make exactly one appeal; the rest get 409', async () => {
    const body = suspensionRequest();
    const s = await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(body)
      .expect(201);
    const owner = app.bearer(body.accountId as string, 'appellant');
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        app.http
          .post('/v1/appeals')
          .set(owner)
          .send({ suspensionId: s.body.id, statement: STATEMENT, requestedRemedy: 'reinstate' }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(99);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.code === 'appeal_already_exists'),
    ).toBe(true);
    expect(await app.query('SELECT id FROM appeals WHERE suspension_id = $1', [s.body.id])).toHaveLength(1);
  });

  it('20 reviewers calling review/next at once over 10 appeals get 10 distinct claims and 10 × 204', async () => {
    await app.query(
      `UPDATE appeals SET status = 'withdrawn', assignee_id = NULL WHERE status IN ('submitted', 'escalated')`,
    );
    const filed = await Promise.all(Array.from({ length: 10 }, () => suspendAndAppeal(app)));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.http.post('/v1/review/next').set(app.bearer(`rev_${i}`, 'reviewer')),
      ),
    );
    const claimed = results.filter((r) => r.status === 200);
    expect(claimed).toHaveLength(10);
    expect(results.filter((r) => r.status === 204)).toHaveLength(10);
    expect(new Set(claimed.map((r) => r.body.id))).toEqual(new Set(filed.map((f) => f.appealId)));
    const rows = await app.query<{ assignee_id: string }>(
      `SELECT assignee_id FROM appeals WHERE id = ANY($1)`,
      [filed.map((f) => f.appealId)],
    );
    expect(new Set(rows.map((r) => r.assignee_id)).size).toBe(10);
  });

  it('two reviewers claiming the same appeal: one wins, the other is told it is taken', async () => {
    const { appealId } = await suspendAndAppeal(app);
    const [a, b] = await Promise.all([
      app.http.post(`/v1/appeals/${appealId}/claim`).set(app.bearer('rev_a', 'reviewer')),
      app.http.post(`/v1/appeals/${appealId}/claim`).set(app.bearer('rev_b', 'reviewer')),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('a platform lift racing a filing never leaves an open appeal on a lifted suspension', async () => {
    for (let i = 0; i < 10; i += 1) {
      const body = suspensionRequest();
      const s = await app.http
        .post('/v1/suspensions')
        .set(app.bearer('enforcer_1', 'enforcement'))
        .send(body)
        .expect(201);
      const [filing, lift] = await Promise.all([
        app.http
          .post('/v1/appeals')
          .set(app.bearer(body.accountId as string, 'appellant'))
          .send({ suspensionId: s.body.id, statement: STATEMENT, requestedRemedy: 'reinstate' }),
        app.http
          .post(`/v1/suspensions/${s.body.id}/lift`)
          .set(app.bearer('enforcer_1', 'enforcement'))
          .send({ reason: 'rollback' }),
      ]);
      expect([201, 409]).toContain(filing.status);
      expect(lift.status).toBe(200);
    }
    const stranded = await app.query(
      `SELECT a.id FROM appeals a JOIN suspensions s ON s.id = a.suspension_id
        WHERE s.status = 'lifted' AND a.status IN ('submitted', 'in_review', 'awaiting_appellant', 'escalated')`,
    );
    expect(stranded).toEqual([]);
  });
});
