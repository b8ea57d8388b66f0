import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import { TcpProxy } from '@redress/testing/tcp-proxy';
import request from 'supertest';
import { createApiApp } from '../../apps/api/create-api-app';
import { createWorkerApp } from '../../apps/worker/create-worker-app';

/** No request may hang: each must be answered well within this (a generous bound, not a benchmark). */
const ANSWER_WITHIN_MS = 12_000;

/**
 * PostgreSQL becomes unreachable while the API and the worker run, then comes back. The shared
 * cluster is never touched: the apps reach it through a TCP proxy the test controls.
 */
describe('Chaos: PostgreSQL unreachable for a while', () => {
  let app: TestApp;
  let proxy: TcpProxy;
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  const http = () => request(api.getHttpServer());
  const appellant = () => app.bearer('acct_chaos_pg', 'appellant');
  const enforcer = () => app.bearer('enforcer_1', 'enforcement');

  beforeAll(async () => {
    app = await TestApp.start('hardening_chaos_pg', { worker: false });
    const target = new URL(app.env.DATABASE_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const env = {
      ...app.env,
      DATABASE_URL: proxy.proxied(app.env.DATABASE_URL),
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
    };
    api = await createApiApp(env);
    worker = await createWorkerApp(env);
  });
  afterAll(async () => {
    await proxy.forward();
    await worker.close();
    await api.close();
    await proxy.close();
    await app.close();
  });

  /** A read, a write and readiness: what a client and a load balancer see. */
  async function probe() {
    const read = await http().get('/v1/me/suspensions').set(appellant()).timeout(ANSWER_WITHIN_MS);
    const write = await http()
      .post('/v1/suspensions')
      .set(enforcer())
      .send(suspensionRequest({ accountId: 'acct_chaos_pg' }))
      .timeout(ANSWER_WITHIN_MS);
    const ready = await http().get('/health/ready').timeout(ANSWER_WITHIN_MS);
    const live = await http().get('/health/live').timeout(ANSWER_WITHIN_MS);
    return { read, write, ready, live };
  }

  async function expectUnavailable() {
    const { read, write, ready, live } = await probe();
    for (const res of [read, write]) {
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 503,
        code: 'dependency_unavailable',
      });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432|timeout expired|at .*\.(t|j)s:\d+/);
    }
    expect(ready.status).toBe(503);
    expect(ready.body.code).toBe('dependency_unavailable');
    expect(ready.body.detail).toMatch(/database/);
    expect(live.status).toBe(200); // a database outage must not get the API process restarted
  }

  async function expectRecovered() {
    // nobody restarts anything: the pool reconnects by itself
    await eventually(async () => (await probe()).read.status === 200, 20_000, 'reads to recover');
    const { read, write, ready } = await probe();
    expect(read.status).toBe(200);
    expect(write.status).toBe(201);
    expect(ready.status).toBe(200);
    return write.body.id as string;
  }

  // each outage ends with its test, whatever happens in it
  afterEach(() => proxy.forward());

  it('serves normally through the proxy', async () => {
    const { read, write, ready } = await probe();
    expect([read.status, write.status, ready.status]).toEqual([200, 201, 200]);
  });

  it('answers 503 dependency_unavailable at once while the server refuses connections, then recovers', async () => {
    await proxy.refuse();
    await expectUnavailable();
    await expectUnavailable(); // and again: nothing is stuck after the first failures
    await proxy.forward();
    await expectRecovered();
  });

  it('answers 503 within the timeouts during a network partition (no hanging request), then recovers', async () => {
    proxy.blackhole();
    const concurrent = await Promise.all(
      Array.from({ length: 15 }, () =>
        http().get('/v1/me/suspensions').set(appellant()).timeout(ANSWER_WITHIN_MS),
      ),
    );
    expect(concurrent.map((r) => r.status)).toEqual(concurrent.map(() => 503));
    await expectUnavailable();
    await proxy.forward();
    await expectRecovered();
  });

  it('survives its connections being killed with pg_terminate_backend: no 500, nothing lost', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      await app.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'redress'`,
      );
      for (let i = 0; i < 5; i += 1) {
        const res = await http().get('/v1/me/suspensions').set(appellant()).timeout(ANSWER_WITHIN_MS);
        statuses.push(res.status);
      }
    }
    // a request on a connection that was just killed may be refused (503); never a 500
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.slice(-3)).toEqual([200, 200, 200]);
  });

  it('the worker rode out the outages too: a suspension made after them is noticed in the inbox', async () => {
    const id = await expectRecovered();
    await eventually(
      async () => {
        const inbox = await app.http.get('/v1/me/notifications').set(appellant());
        return (inbox.body.data as { suspensionId: string }[]).some((n) => n.suspensionId === id);
      },
      20_000,
      'the notice of a suspension created after the outages',
    );
  });
});
