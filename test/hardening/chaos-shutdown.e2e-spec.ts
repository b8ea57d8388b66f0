import { AppProcess, eventually, suspensionRequest, TestApp, tryConnect } from '@redress/testing';
import { connect } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { WebhookReceiver } from '../notifications-receivers';

/** A process told to stop (SIGTERM) is gone within SHUTDOWN_TIMEOUT_MS, 10 s by default. */
const SHUTDOWN_TIMEOUT_MS = 10_000;
const EXIT_WITHIN_MS = SHUTDOWN_TIMEOUT_MS;
/**
 * The deadline is a Node timer: with three 10,000-item batches being validated and written, on a
 * 2-core machine that runs other suites beside this one, it fires a few seconds late (CI saw it).
 */
const BUSY_EXIT_WITHIN_MS = SHUTDOWN_TIMEOUT_MS + 5_000;
/** Two apps compiled on the fly side by side, each given AppProcess's minute, on a machine the suite keeps busy. */
const PROCESSES_START_MS = 150_000;
const SECRET = 'chaos-shutdown-webhook-secret';

/** A kept-alive connection on which requests are written by hand, and everything answered on it is read. */
class RawConnection {
  private received = '';
  private readonly socket;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('data', (chunk: Buffer) => (this.received += chunk.toString()));
  }

  send(method: string, path: string, headers: Record<string, string>, body: object): void {
    const json = JSON.stringify(body);
    const lines = Object.entries({
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(json)),
    });
    this.socket.write(
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${json}`,
    );
  }

  /** The status lines and bodies answered so far. */
  get answers(): string {
    return this.received;
  }

  close(): void {
    this.socket.destroy();
  }
}

describe('Chaos: SIGTERM to the API while requests are in flight', () => {
  let app: TestApp;
  let api: AppProcess;
  let locker: Client;

  beforeAll(async () => {
    app = await TestApp.start('hardening_chaos_sigterm_api', { worker: false });
    api = await AppProcess.start('api', app.env);
    locker = new Client({ connectionString: app.env.DATABASE_URL });
    await locker.connect();
  });
  afterAll(async () => {
    await api.kill();
    await locker.end();
    await app.close();
  });

  it('finishes the requests it has, refuses new connections, and exits within 10 s', async () => {
    const enforcement = app.bearer('enforcer_1', 'enforcement');
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const created = await app.http.post('/v1/suspensions').set(enforcement).send(suspensionRequest());
      ids.push(created.body.id);
    }
    // Hold the rows, so that three lifts sent to the API process are in flight (waiting on the locks)
    // for as long as the test wants.
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM suspensions WHERE id = ANY($1) FOR UPDATE', [ids]);
    const lift = { reason: 'Detector misfired on VPN relay traffic' };
    // the fourth lift arrives on a kept-alive connection, which then carries another request after SIGTERM
    const kept = new RawConnection(api.port!);
    kept.send('POST', `/v1/suspensions/${ids[3]}/lift`, enforcement, lift);
    const inFlight = ids.slice(0, 3).map((id) =>
      request(api.url)
        .post(`/v1/suspensions/${id}/lift`)
        .set(enforcement)
        .send({ reason: 'Detector misfired on VPN relay traffic' })
        .then((res) => res),
    );
    // (asked on another connection: inside the locker's transaction the statistics are a snapshot)
    await eventually(async () => {
      const [{ n }] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return n === ids.length;
    });

    api.signal('SIGTERM');
    // the listening socket closes: a new client is refused, while the three requests still wait
    expect(await eventually(async () => (await tryConnect(api.port!)) === 'ECONNREFUSED')).toBe(true);
    expect(api.running).toBe(true);
    kept.send('POST', `/v1/suspensions/${ids[3]}/lift`, enforcement, lift);

    await locker.query('COMMIT');
    const answers = await Promise.all(inFlight);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(answers.map((r) => r.body.status)).toEqual(['lifted', 'lifted', 'lifted']);
    // the request in flight on the kept-alive connection is answered; the one sent after SIGTERM is
    // refused as a problem with a code, not Fastify's bare 503
    // (a response follows the previous body on the same line: bodies end without a newline)
    const statusLines = () => kept.answers.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    await eventually(async () => statusLines().length === 2, 10_000);
    expect(statusLines()).toEqual(['HTTP/1.1 200', 'HTTP/1.1 503']);
    const refusal = kept.answers.slice(kept.answers.lastIndexOf('HTTP/1.1 503'));
    expect(refusal).toMatch(/content-type: application\/problem\+json/i);
    expect(refusal).toContain('"code":"dependency_unavailable"');
    kept.close();

    const exit = await api.exitWithin(EXIT_WITHIN_MS);
    expect(exit).toBeDefined();
    expect(exit!.code === 0 || exit!.signal === 'SIGTERM').toBe(true);
    const rows = await app.query<{ status: string }>('SELECT status FROM suspensions WHERE id = ANY($1)', [
      ids,
    ]);
    expect(rows.map((r) => r.status)).toEqual(['lifted', 'lifted', 'lifted', 'lifted']);
  });
});

describe('Chaos: SIGTERM to the worker in the middle of a delivery', () => {
  let app: TestApp;
  let receiver: WebhookReceiver;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start(SECRET);
    app = await TestApp.start('hardening_chaos_sigterm_worker', {
      worker: false,
      env: { NOTIFY_WEBHOOK_URL: receiver.url(), NOTIFY_WEBHOOK_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    await worker?.kill();
    await receiver.close();
    await app.close();
  });

  it('completes the job it is running (or leaves it to be retried), exits within 10 s, loses nothing', async () => {
    worker = await AppProcess.start('worker', app.env);
    receiver.hold(); // the receiver takes the webhook and does not answer yet: the job is mid-flight
    const created = await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(suspensionRequest());
    const suspensionId = created.body.id as string;
    await eventually(async () => receiver.heldCount === 1, 20_000, 'the webhook delivery to start');

    worker.signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(worker.running).toBe(true); // still finishing its job
    receiver.release();
    const exit = await worker.exitWithin(EXIT_WITHIN_MS);
    expect(exit).toBeDefined();
    expect(exit!.code === 0 || exit!.signal === 'SIGTERM').toBe(true);

    const rows = () =>
      app.query<{ channel: string; status: string; attempts: number }>(
        `SELECT channel, status, attempts FROM notifications WHERE data->>'suspensionId' = $1 ORDER BY channel`,
        [suspensionId],
      );
    const afterExit = await rows();
    // the job finished before the process exited: the webhook is recorded as sent, once
    expect(afterExit).toEqual([
      { channel: 'inbox', status: 'sent', attempts: expect.any(Number) },
      { channel: 'webhook', status: 'sent', attempts: 1 },
    ]);
    expect(receiver.for((e) => e.data.suspensionId === suspensionId)).toHaveLength(1);

    // a new worker finds nothing owed about it: no second delivery
    worker = await AppProcess.start('worker', app.env);
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.for((e) => e.data.suspensionId === suspensionId)).toHaveLength(1);
    await worker.kill();
  });
});

describe('Chaos: SIGTERM to the API and the worker with three 10,000-item batches in flight', () => {
  const BATCHES = 3;
  const ITEMS = 10_000;
  let app: TestApp;
  let api: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    app = await TestApp.start('hardening_chaos_sigterm_batches', {
      worker: false,
      env: { RATE_LIMIT_PER_MINUTE: '100000' },
    });
    [api, worker] = await Promise.all([
      AppProcess.start('api', app.env),
      AppProcess.start('worker', app.env),
    ]);
  }, PROCESSES_START_MS);
  afterAll(async () => {
    await Promise.all([api?.kill(), worker?.kill()]);
    await app.close();
  });

  it('each exits within SHUTDOWN_TIMEOUT_MS; a batch is answered (or 503 with its code) and whole or absent', async () => {
    const enforcement = app.bearer('enforcer_1', 'enforcement');
    const waves: string[] = [];
    for (let b = 0; b < BATCHES; b += 1) {
      const wave = await app.http
        .post('/v1/waves')
        .set(enforcement)
        .send({ name: `shutdown-${b}`, detector: 'vpn-relay-v2', description: 'Corporate proxies flagged' })
        .expect(201);
      waves.push(wave.body.id);
    }
    const batch = (waveId: string, b: number) => ({
      waveId,
      items: Array.from({ length: ITEMS }, (_, i) => {
        const { waveId: _w, ...item } = suspensionRequest({
          externalRef: `shutdown-${b}-${i}`,
          accountId: `shutdown_${b}_${i}`,
        });
        return item;
      }),
    });
    const answers = waves.map((waveId, b) =>
      request(api.url)
        .post('/v1/suspensions/batch')
        .set(enforcement)
        .send(batch(waveId, b))
        .then(
          (res) => ({ status: res.status, code: res.body?.code as string | undefined }),
          (error: Error) => ({ status: 0, code: error.message }),
        ),
    );
    // the batches are being written: the API's transactions are busy in PostgreSQL
    await eventually(async () => {
      const [{ n }] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND usename = 'redress_app' AND state <> 'idle'
            AND query ~* '(COPY|INSERT)'`,
      );
      return n > 0;
    }, 30_000);

    api.signal('SIGTERM');
    const apiExit = await api.exitWithin(BUSY_EXIT_WITHIN_MS);
    expect(apiExit).toBeDefined();
    for (const answer of await Promise.all(answers)) {
      if (answer.status !== 200) expect(answer).toEqual({ status: 503, code: 'dependency_unavailable' });
    }
    const statuses = (await Promise.all(answers)).map((a) => a.status);

    // the worker is sending the committed batches' notices, or has nothing of them left: stop it too
    worker.signal('SIGTERM');
    const workerExit = await worker.exitWithin(BUSY_EXIT_WITHIN_MS);
    expect(workerExit).toBeDefined();
    // One statement, one snapshot: a batch whose COMMIT reached PostgreSQL as the API exited may land
    // after any earlier look, and then its rows and its notices must be counted together.
    const [{ counts, owed, notices }] = await app.query<{ counts: number[]; owed: number; notices: number }>(
      `SELECT (SELECT array_agg((SELECT count(*)::int FROM suspensions s WHERE s.wave_id = w.id) ORDER BY w.ord)
                 FROM unnest($1::uuid[]) WITH ORDINALITY AS w(id, ord)) AS counts,
              count(*) FILTER (WHERE processed_at IS NULL)::int AS owed, count(*)::int AS notices
         FROM outbox_messages WHERE type = 'suspension.noticed'`,
      [waves],
    );
    // a batch's transaction commits whole or not at all, and an answered 200 is a committed batch
    expect(counts.map((n, i) => (statuses[i] === 200 ? n === ITEMS : n === 0 || n === ITEMS))).toEqual(
      waves.map(() => true),
    );
    // what the worker could not finish is still owed in the outbox, for the next worker
    expect(notices).toBe(counts.reduce((sum, n) => sum + n, 0));
    expect(owed).toBeLessThanOrEqual(notices);
  });
});
