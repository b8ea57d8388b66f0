import { suspendAndAppeal, TestApp } from '@redress/testing';

describe('Appellant write rate limit (Redis-backed, per sub)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('rate_limit', { worker: false, env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => app.close());

  it('answers 429 rate_limited with Retry-After once an appellant exceeds the limit; others are unaffected', async () => {
    const { appealId, owner } = await suspendAndAppeal(app); // the filing is write 1
    await app.http.post(`/v1/appeals/${appealId}/messages`).set(owner).send({ body: 'two' }).expect(201);
    await app.http.post(`/v1/appeals/${appealId}/messages`).set(owner).send({ body: 'three' }).expect(201);
    const limited = await app.http
      .post(`/v1/appeals/${appealId}/messages`)
      .set(owner)
      .send({ body: 'four' })
      .expect(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await app.query(`SELECT 1 FROM appeal_messages WHERE body = 'four'`)).toHaveLength(0);
    // staff writes and reads are not counted
    await app.http
      .post(`/v1/appeals/${appealId}/messages`)
      .set(app.bearer('rev_1', 'reviewer'))
      .send({ body: 'staff note', internal: true })
      .expect(201);
    await app.http.get(`/v1/appeals/${appealId}`).set(owner).expect(200);
  });
});
