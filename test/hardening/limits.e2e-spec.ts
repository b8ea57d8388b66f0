import { suspendAndAppeal, suspensionRequest, TestApp } from '@redress/testing';
import { fetchOpenApi, fillPath, listRoutes, queryParameters, type Route } from '@redress/testing/openapi';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ROUTE_ACCESS } from './authorization-matrix.table';

const MiB = 1024 * 1024;
const EVIDENCE_MAX_BYTES = 64 * 1024;
const REQUEST_TIMEOUT_MS = 1500;
const CONNECTION_TIMEOUT_MS = 2000;
const RATE_LIMIT = 5;

/** A token of a role the route admits (the authorisation table says which). */
function callerFor(app: TestApp, route: Route): { Authorization: string } {
  const access = ROUTE_ACCESS[route.key];
  const role = access === 'public' || !access ? 'admin' : access[0];
  return app.bearer(`limits_${role}`, role);
}

describe('Resource limits (OWASP API4: unrestricted resource consumption)', () => {
  let app: TestApp;
  let routes: Route[];
  let evidenceDir: string;

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'redress-limits-'));
    app = await TestApp.start('hardening_limits', {
      worker: false,
      env: {
        EVIDENCE_DIR: evidenceDir,
        EVIDENCE_MAX_BYTES: String(EVIDENCE_MAX_BYTES),
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      },
    });
    routes = listRoutes(await fetchOpenApi(app.http));
  });
  afterAll(async () => {
    await app.close();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: { code?: string } },
    status: number,
    code: string,
  ) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toContain('application/problem+json');
  };

  it('refuses a JSON body over 1 MiB with 413 on every route that takes one (the batch route excepted)', async () => {
    const jsonRoutes = routes.filter(
      (r) => r.operation.requestBody?.content['application/json'] && r.key !== 'POST /v1/suspensions/batch',
    );
    expect(jsonRoutes.length).toBeGreaterThan(10);
    const body = JSON.stringify({ padding: 'x'.repeat(MiB) });
    for (const route of jsonRoutes) {
      const res = await app.http[route.method](fillPath(route.path, randomUUID()))
        .set(callerFor(app, route))
        .set('Content-Type', 'application/json')
        .send(body);
      expect({ route: route.key, status: res.status }).toEqual({ route: route.key, status: 413 });
      expectProblem(res, 413, 'payload_too_large');
    }
  });

  it('takes a batch over 1 MiB and refuses one over 32 MiB with 413', async () => {
    const enforcement = app.bearer('limits_enforcer', 'enforcement');
    const item = (i: number) =>
      suspensionRequest({ externalRef: `limits-${i}`, statementOfReasons: 'y'.repeat(900) });
    const twoMiB = { items: Array.from({ length: 2000 }, (_, i) => item(i)) };
    expect(JSON.stringify(twoMiB).length).toBeGreaterThan(2 * MiB);
    const accepted = await app.http.post('/v1/suspensions/batch').set(enforcement).send(twoMiB);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ created: 2000 });

    const huge = JSON.stringify({ items: [], padding: 'x'.repeat(32 * MiB) });
    const refused = await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement)
      .set('Content-Type', 'application/json')
      .send(huge);
    expectProblem(refused, 413, 'payload_too_large');
  });

  it('takes an upload of exactly EVIDENCE_MAX_BYTES and refuses one byte more with 413', async () => {
    const filed = await suspendAndAppeal(app);
    const upload = (bytes: number) =>
      app.http
        .post(`/v1/appeals/${filed.appealId}/evidence`)
        .set(app.bearer('limits_reviewer', 'reviewer')) // staff: the appellant's write budget is for the rate-limit test
        .attach('file', Buffer.alloc(bytes, 'a'), 'notes.txt');
    const atLimit = await upload(EVIDENCE_MAX_BYTES);
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.sizeBytes).toBe(EVIDENCE_MAX_BYTES);
    expectProblem(await upload(EVIDENCE_MAX_BYTES + 1), 413, 'payload_too_large');
  });

  it('caps `limit` at 200 on every list route: 0 and 201 are 400, 1 and 200 are served', async () => {
    const lists = routes.filter((r) => queryParameters(r).some((p) => p.name === 'limit'));
    expect(lists.length).toBeGreaterThan(10);
    for (const route of lists) {
      const path = fillPath(route.path, randomUUID());
      const as = callerFor(app, route);
      // a route's other required parameters (search's `q`) get a value, so that only `limit` is judged
      const required = Object.fromEntries(
        queryParameters(route)
          .filter((p) => p.required && p.name !== 'limit')
          .map((p) => [p.name, 'limits']),
      );
      for (const limit of ['0', '201', '1000000', '-1', '1.5', 'abc']) {
        const res = await app.http
          .get(path)
          .query({ ...required, limit })
          .set(as);
        expect({ route: route.key, limit, status: res.status }).toEqual({
          route: route.key,
          limit,
          status: 400,
        });
        expect(res.body.code).toBe('validation_failed');
      }
      for (const limit of ['1', '200']) {
        const res = await app.http
          .get(path)
          .query({ ...required, limit })
          .set(as);
        // lists under an unknown parent id answer 404; that is not a refusal of the limit
        expect({ route: route.key, limit, ok: [200, 404].includes(res.status) }).toEqual({
          route: route.key,
          limit,
          ok: true,
        });
      }
    }
  });

  it('rate-limits appellant writes with 429, Retry-After and X-RateLimit-* headers', async () => {
    const filed = await suspendAndAppeal(app); // the filing used 1 of the budget
    const message = () =>
      app.http
        .post(`/v1/appeals/${filed.appealId}/messages`)
        .set(filed.owner)
        .send({ body: 'One more thing.' });
    let last = await message();
    expect(last.status).toBe(201);
    expect(last.headers['x-ratelimit-limit']).toBe(String(RATE_LIMIT));
    expect(Number(last.headers['x-ratelimit-remaining'])).toBe(RATE_LIMIT - 2);
    expect(Number(last.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    for (let i = 0; i < RATE_LIMIT; i += 1) last = await message();
    expectProblem(last, 429, 'rate_limited');
    const retryAfter = Number(last.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.headers['x-ratelimit-limit']).toBe(String(RATE_LIMIT));
    expect(last.headers['x-ratelimit-remaining']).toBe('0');
    // one appellant's budget is their own
    const other = await suspendAndAppeal(app);
    expect((await app.http.post(`/v1/appeals/${other.appealId}/withdraw`).set(other.owner)).status).toBe(200);
  });

  describe('slow clients (slow-loris)', () => {
    // an app of its own: timeouts this short would also cut off the large bodies above on a busy machine
    let slow: TestApp;
    let port: number;
    beforeAll(async () => {
      slow = await TestApp.start('hardening_limits_slow', {
        worker: false,
        env: {
          HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
          HTTP_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
        },
      });
      await slow.api.listen({ port: 0, host: '127.0.0.1' });
      port = (slow.api.getHttpServer().address() as { port: number }).port;
    });
    afterAll(() => slow.close());

    /** Opens a connection and trickles `chunks` into it, one every 100 ms, never finishing the request. */
    function trickle(
      first: string,
      chunks: string[],
    ): { socket: Socket; ended: Promise<{ answer: string; afterMs: number }> } {
      const socket = connect(port, '127.0.0.1');
      const started = Date.now();
      let answer = '';
      let timer: NodeJS.Timeout | undefined;
      socket.on('data', (d) => (answer += d.toString('latin1')));
      socket.on('connect', () => {
        socket.write(first);
        let i = 0;
        timer = setInterval(() => {
          if (!socket.destroyed && socket.writable) socket.write(chunks[i++ % chunks.length]);
        }, 100);
      });
      const ended = new Promise<{ answer: string; afterMs: number }>((resolve) => {
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(timer);
          resolve({ answer, afterMs: Date.now() - started });
        });
      });
      return { socket, ended };
    }

    async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> {
      let timer: NodeJS.Timeout | undefined;
      const open = new Promise<'still open'>((r) => (timer = setTimeout(() => r('still open'), ms)));
      try {
        return await Promise.race([promise, open]);
      } finally {
        clearTimeout(timer);
      }
    }

    it('cuts off a request whose headers arrive byte by byte and never end: 408, connection closed', async () => {
      const { socket, ended } = trickle('GET /v1/me/suspensions HTTP/1.1\r\nHost: x\r\nX-Slow: ', ['a']);
      const outcome = await within(ended, REQUEST_TIMEOUT_MS * 6);
      socket.destroy();
      expect(outcome).not.toBe('still open');
      const { answer } = outcome as { answer: string };
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('application/problem+json');
    });

    it('cuts off a request whose body trickles in and never completes', async () => {
      const token = slow.token('limits_enforcer', 'enforcement');
      const head =
        `POST /v1/suspensions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"a":"';
      const { socket, ended } = trickle(head, ['x']);
      const outcome = await within(ended, REQUEST_TIMEOUT_MS * 6);
      socket.destroy();
      expect(outcome).not.toBe('still open');
    });

    it('closes a connection that never sends a byte', async () => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.resume(); // read whatever comes, so that the end of the stream is seen
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      const outcome = await within(closed, CONNECTION_TIMEOUT_MS * 4);
      socket.destroy();
      expect(outcome).not.toBe('still open');
    });

    it('still serves a client that sends its request at a normal pace', async () => {
      await request(`http://127.0.0.1:${port}`).get('/health/live').expect(200);
    });
  });
});
