import { suspensionRequest, TestApp } from '@redress/testing';

describe('Operations and HTTP conventions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start('operations', { worker: false });
  });
  afterAll(() => app.close());

  it('reports liveness and readiness of PostgreSQL and Redis without a token', async () => {
    await app.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await app.http.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('exposes Prometheus metrics with request latency and the outbox backlog', async () => {
    await app.http.get('/health/live');
    const res = await app.http.get('/metrics').expect(200);
    expect(res.text).toContain('redress_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/redress_outbox_backlog{lane="default"} \d+/);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await app.http.get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/suspensions', '/v1/suspensions/{id}', '/v1/audit/verify']),
    );
    await app.http.get('/docs').redirects(1).expect(200);
  });

  it('refuses a JSON body over 1 MiB with 413 and malformed JSON with 400, as problem+json', async () => {
    const enforcement = app.bearer('enforcer_1', 'enforcement');
    const huge = suspensionRequest({ signals: { blob: 'x'.repeat(1024 * 1024) } });
    const tooLarge = await app.http.post('/v1/suspensions').set(enforcement).send(huge).expect(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    expect(tooLarge.body.code).toBe('payload_too_large');
    const malformed = await app.http
      .post('/v1/suspensions')
      .set(enforcement)
      .set('Content-Type', 'application/json')
      .send('{"accountId": ')
      .expect(400);
    expect(malformed.body.code).toBe('validation_failed');
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.js|node_modules/);
  });
});
