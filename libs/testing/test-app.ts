import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@redress/config';
import { migrate } from '@redress/database';
import { signToken } from '@redress/auth';
import type { Role } from '@redress/kernel';
import Redis from 'ioredis';
import { Pool } from 'pg';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApiApp } from '../../apps/api/create-api-app';
import { createWorkerApp } from '../../apps/worker/create-worker-app';
import { WorkerHttpServer } from '../../apps/worker/http/worker-http-server';
import { createTestDatabase, dropDatabase } from './test-database';
import { TEST_AUDIT_SIGNING_KEY, TEST_JWT_SECRET, TEST_REDIS_URL, testRunId } from './test-env';

export interface TestAppOptions {
  /** Start the real BullMQ worker in this process too (default true). */
  worker?: boolean;
  env?: Record<string, string>;
  /**
   * A database of the caller's (e.g. on a PostgreSQL server of the test's own) instead of a clone of
   * the template: migrated here, and left to the caller at close.
   */
  database?: { name: string; url: string; appUrl: string };
}

/**
 * The whole system for one test file: its own database (cloned from the migrated template), its own
 * Redis key prefix, the real API over HTTP and the real worker.
 */
export class TestApp {
  private workerApp?: INestApplicationContext;

  private constructor(
    readonly api: NestFastifyApplication,
    readonly env: Record<string, string>,
    readonly db: Pool,
    /** The database TestApp cloned and drops at close; null for the caller's own. */
    private readonly databaseName: string | null,
    private readonly withWorker: boolean,
  ) {}

  static async start(label: string, options: TestAppOptions = {}): Promise<TestApp> {
    const database = options.database ?? (await createTestDatabase(label));
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: database.appUrl,
      DATABASE_MIGRATION_URL: database.url,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: database.name,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY,
      OUTBOX_POLL_MS: '20',
      OUTBOX_RELAY_TIMEOUT_MS: '2000',
      SWEEP_INTERVAL_MS: '200',
      NOTIFY_BACKOFF_MS: '50',
      // any free port: test files run side by side, each with its worker
      WORKER_METRICS_PORT: '0',
      ...options.env,
    };
    if (options.database) await migrate(loadConfig(env));
    const api = await createApiApp(env);
    // the test's own view of the database is the owner's: it asserts on (and tampers with) any row
    const pool = new Pool({ connectionString: database.url, max: 4 });
    // an idle connection closed by the server (database dropped, backend terminated) must not crash the run
    pool.on('error', () => undefined);
    const app = new TestApp(
      api,
      env,
      pool,
      options.database ? null : database.name,
      options.worker !== false,
    );
    if (app.withWorker) await app.startWorker();
    return app;
  }

  get http(): TestAgent {
    return request(this.api.getHttpServer());
  }

  token(sub: string, ...roles: Role[]): string {
    return signToken(loadConfig(this.env), { sub, roles });
  }

  bearer(sub: string, ...roles: Role[]): { Authorization: string } {
    return { Authorization: `Bearer ${this.token(sub, ...roles)}` };
  }

  async startWorker(): Promise<void> {
    this.workerApp = await createWorkerApp(this.env);
  }

  /** The in-process worker's metrics and health endpoint. */
  get workerUrl(): string {
    if (!this.workerApp) throw new Error('the worker is not running');
    return `http://127.0.0.1:${this.workerApp.get(WorkerHttpServer).port}`;
  }

  async stopWorker(): Promise<void> {
    await this.workerApp?.close();
    this.workerApp = undefined;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[];
  }

  async close(): Promise<void> {
    await this.stopWorker();
    await this.api.close();
    await this.db.end();
    if (this.databaseName) await dropDatabase(this.databaseName);
    await deleteRedisKeys(this.env.REDIS_KEY_PREFIX);
  }
}

export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls until `check` returns a truthy value (the worker is asynchronous), failing after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export { testRunId };
