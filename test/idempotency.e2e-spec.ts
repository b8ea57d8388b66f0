import { suspensionRequest, TestApp } from '@redress/testing';

describe('Idempotency-Key', () => {
  let app: TestApp;
  const enforcement = () => app.bearer('enforcer_1', 'enforcement');
  beforeAll(async () => {
    app = await TestApp.start('idempotency', { worker: false });
  });
  afterAll(() => app.close());

  it('replays the first response byte-for-byte and refuses the key with another body', async () => {
    const body = suspensionRequest();
    const first = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .set('Idempotency-Key', 'key-1')
      .send(body)
      .expect(201);
    const replay = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .set('Idempotency-Key', 'key-1')
      .send(body)
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(first.text);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const reused = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .set('Idempotency-Key', 'key-1')
      .send({ ...body, policyClause: 'another clause' })
      .expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');

    // keys are scoped to the caller: another enforcement system may use the same key
    await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_2', 'enforcement'))
      .set('Idempotency-Key', 'key-1')
      .send(body)
      .expect(201);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const body = suspensionRequest();
    const hash = 'f'.repeat(64);
    // a first request in flight: the key is claimed but not completed
    await app.query(
      `INSERT INTO idempotency_keys (sub, key, request_hash, state, expires_at) VALUES ($1, $2, $3, 'in_progress', now() + interval '1 day')`,
      ['enforcer_1', 'key-busy', hash],
    );
    const res = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .set('Idempotency-Key', 'key-busy')
      .send(body);
    // the in-flight request's body hash differs from ours, so ours is a reuse; make it match to see 409
    expect(res.status).toBe(422);
    const [{ request_hash }] = await app.query<{ request_hash: string }>(
      `SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS request_hash`,
      ['POST /v1/suspensions\n' + JSON.stringify(canonical(body))],
    );
    await app.query(`UPDATE idempotency_keys SET request_hash = $1 WHERE key = 'key-busy'`, [request_hash]);
    const busy = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .set('Idempotency-Key', 'key-busy')
      .send(body)
      .expect(409);
    expect(busy.body.code).toBe('idempotency_request_in_progress');
    expect(
      await app.query('SELECT id FROM suspensions WHERE external_ref = $1', [body.externalRef]),
    ).toHaveLength(0);
  });

  it('has one effect when the same key is sent 50 times at once', async () => {
    const body = suspensionRequest();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.http.post('/v1/suspensions').set(enforcement()).set('Idempotency-Key', 'key-storm').send(body),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    expect(
      await app.query('SELECT id FROM suspensions WHERE external_ref = $1', [body.externalRef]),
    ).toHaveLength(1);
    expect(
      await app.query(`SELECT id FROM outbox_messages WHERE payload->>'suspensionId' = $1`, [
        created[0].body.id,
      ]),
    ).toHaveLength(1);
  });

  it('rejects an over-long key', async () => {
    const res = await app.http
      .post('/v1/suspensions')
      .set(enforcement())
      .set('Idempotency-Key', 'k'.repeat(256))
      .send(suspensionRequest())
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
  });
});

/** RFC 8785 canonical form for plain JSON objects (sorted keys), mirroring the server's request hash. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
