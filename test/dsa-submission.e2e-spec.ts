import { AppProcess, eventually, suspensionRequest, TestApp } from '@redress/testing';
import { validateStatementOfReasons } from '@redress/reports';
import { TdbReceiver } from './dsa-receiver';

const enforcement = (app: TestApp) => app.bearer('enforcer_1', 'enforcement');
const admin = (app: TestApp) => app.bearer('admin_1', 'admin');

async function suspend(app: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await app.http
    .post('/v1/suspensions')
    .set(enforcement(app))
    .send(suspensionRequest(overrides))
    .expect(201);
  return res.body.id;
}

interface SubmissionRow {
  puid: string;
  status: string;
  tdb_uuid: string | null;
  errors: Record<string, unknown> | null;
}

const submissions = (app: TestApp) =>
  app.query<SubmissionRow>(`SELECT puid, status, tdb_uuid, errors FROM dsa_submissions ORDER BY created_at`);

const settled = async (app: TestApp, puids: string[], status = 'accepted') =>
  eventually(
    async () => {
      const rows = (await submissions(app)).filter((r) => puids.includes(r.puid));
      return rows.length === puids.length && rows.every((r) => r.status === status) && rows;
    },
    30000,
    `${puids.length} submissions ${status}`,
  );

describe('DSA Transparency Database submission', () => {
  let receiver: TdbReceiver;
  let app: TestApp;

  beforeAll(async () => {
    receiver = await TdbReceiver.start();
    app = await TestApp.start('dsa_submission', { env: receiver.env() });
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('submits each published statement, retrying a 429 (Retry-After) and a 500, and records the database’s uuid', async () => {
    receiver.answer(429, 500);
    const ids = [await suspend(app), await suspend(app), await suspend(app)];
    const rows = await settled(app, ids);
    for (const row of rows) expect(row.tdb_uuid).toBe(receiver.stored.get(row.puid)!.uuid);
    expect(receiver.batches.slice(0, 2).flat()).toContain(ids[0]);
    const metrics = await (await fetch(`${app.workerUrl}/metrics`)).text();
    expect(metrics).toMatch(/redress_dsa_requests_total\{answer="429"\} 1/);
    expect(metrics).toMatch(/redress_dsa_requests_total\{answer="5xx"\} 1/);
    expect(metrics).toMatch(/redress_dsa_submissions_total\{outcome="accepted"\} [1-9]/);
  });

  it('a 422 for one statement rejects it with the errors, its batch-mates are accepted; a retry after the fix submits it', async () => {
    receiver.refuses = (s) => String(s.decision_facts).includes('REFUSED-BY-A-NEW-RULE');
    const refusedId = await suspend(app, {
      statementOfReasons: 'Scraped the API at scale. REFUSED-BY-A-NEW-RULE',
    });
    const fineId = await suspend(app);
    await settled(app, [fineId]);
    const [rejected] = await settled(app, [refusedId], 'rejected');
    expect(rejected.errors).toEqual({ decision_facts: ['is refused by a new rule'] });

    const list = await app.http.get('/v1/dsa/submissions?status=rejected').set(admin(app)).expect(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ puid: refusedId, status: 'rejected', decision: 'suspension' });
    expect(list.body.data[0].errors).toEqual(rejected.errors);
    const { id } = list.body.data[0];

    receiver.refuses = null;
    const retried = await app.http.post(`/v1/dsa/submissions/${id}/retry`).set(admin(app)).expect(200);
    expect(retried.body.status).toMatch(/pending|accepted/);
    await settled(app, [refusedId]);
    const again = await app.http.post(`/v1/dsa/submissions/${id}/retry`).set(admin(app)).expect(409);
    expect(again.body.code).toBe('invalid_transition');
    await app.http
      .post(`/v1/dsa/submissions/00000000-0000-4000-8000-000000000000/retry`)
      .set(admin(app))
      .expect(404);
    const [{ n }] = await app.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'dsa_submission.retried'`,
      [id],
    );
    expect(n).toBe(1);
  });

  it('a lift publishes a second statement with a new puid: both submitted, both valid, the first never resent', async () => {
    const id = await suspend(app);
    await settled(app, [id]);
    await app.http
      .post(`/v1/suspensions/${id}/lift`)
      .set(enforcement(app))
      .send({ reason: 'False positive' })
      .expect(200);
    await settled(app, [id, `${id}-2`]);
    expect(receiver.stored.get(`${id}-2`)!.statement.end_date_account_restriction).toBeDefined();
    for (const puid of [id, `${id}-2`])
      expect(validateStatementOfReasons(receiver.stored.get(puid)!.statement)).toEqual([]);
    expect(receiver.batches.flat().filter((p) => p === id)).toHaveLength(1);
  });

  it('exports the published statements as NDJSON, one valid statement a line', async () => {
    const res = await app.http.get('/v1/dsa/statements.ndjson').set(admin(app)).expect(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const [{ n }] = await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM dsa_statements`);
    expect(lines).toHaveLength(n);
    expect(new Set(lines.map((s) => s.puid)).size).toBe(n);
    for (const s of lines) expect(validateStatementOfReasons(s)).toEqual([]);
    const before = await app.http
      .get('/v1/dsa/statements.ndjson?to=2001-01-01T00:00:00Z')
      .set(admin(app))
      .expect(200);
    expect(before.text).toBe('');
    const bad = await app.http
      .get('/v1/dsa/statements.ndjson?from=2030-01-01T00:00:00Z&to=2029-01-01T00:00:00Z')
      .set(admin(app))
      .expect(400);
    expect(bad.body.code).toBe('validation_failed');
  });
});

describe('DSA submission: a worker SIGKILLed in the middle of a batch', () => {
  let receiver: TdbReceiver;
  let app: TestApp;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    receiver = await TdbReceiver.start();
    // the API runs here; the first worker is a process of its own, so that it can be SIGKILLed
    app = await TestApp.start('dsa_submission_crash', { worker: false, env: receiver.env() });
  });
  afterAll(async () => {
    await worker?.kill();
    await app?.close();
    await receiver?.close();
  });

  it('1,000 statements: the database stored the batch, the worker died before recording it; each puid is accepted exactly once', async () => {
    const items = Array.from({ length: 1000 }, () => suspensionRequest());
    const created = await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement(app))
      .send({ items })
      .expect(200);
    expect(created.body.created).toBe(1000);

    receiver.answer('store-and-hang');
    worker = await AppProcess.start('worker', app.env);
    await eventually(async () => receiver.batches.length >= 1, 30000, 'the first batch');
    await worker.kill();
    const [first] = receiver.batches;
    expect(first).toHaveLength(100);
    expect(receiver.stored.size).toBe(100);
    const [{ accepted }] = await app.query<{ accepted: number }>(
      `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS accepted FROM dsa_submissions`,
    );
    expect(accepted).toBe(0);

    await app.startWorker();
    const puids = (await app.query<{ puid: string }>(`SELECT puid FROM dsa_submissions`)).map((r) => r.puid);
    expect(puids).toHaveLength(1000);
    const rows = await settled(app, puids);
    expect(receiver.stored.size).toBe(1000);
    expect(receiver.storedCount).toBe(1000);
    for (const row of rows) expect(row.tdb_uuid).toBe(receiver.stored.get(row.puid)!.uuid);
    // the held batch was sent again and recognised, never stored a second time
    expect(receiver.batches.flat().filter((p) => first.includes(p)).length).toBeGreaterThan(100);
    const metrics = await (await fetch(`${app.workerUrl}/metrics`)).text();
    expect(metrics).toMatch(/redress_dsa_submissions_total\{outcome="already_accepted"\} 100/);
  }, 120000);
});
