import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { AuditModule } from '@redress/audit';
import { ClockModule, ConfigModule } from '@redress/config';
import { DatabaseModule, UnitOfWork } from '@redress/database';
import { LedgerModule } from '@redress/ledger';
import { ObservabilityModule } from '@redress/observability';
import { OutboxModule } from '@redress/outbox';
import { Pool } from 'pg';
import { createTestDatabase, dropDatabase } from './test-database';
import { TEST_AUDIT_SIGNING_KEY, TEST_JWT_SECRET, TEST_REDIS_URL } from './test-env';

type ModuleImport = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** One lib's Nest module on a database of its own, for a medium spec: no HTTP, no worker, no Redis. */
export interface MediumModule {
  module: TestingModule;
  uow: UnitOfWork;
  /** The owner's view of the same database, to seed, assert on or hold rows as another transaction would. */
  owner: Pool;
  env: Record<string, string>;
  get<T>(type: Type<T> | symbol): T;
  /** Rows as the owner reads them. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Boots `imports` with the platform modules every lib relies on (config, clock, database, outbox,
 * audit, ledger) on a clone of the run's migrated template, connected as the apps' restricted role.
 */
export async function startModule(
  label: string,
  imports: ModuleImport[],
  options: { env?: Record<string, string> } = {},
): Promise<MediumModule> {
  const database = await createTestDatabase(label);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.appUrl,
    DATABASE_MIGRATION_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: database.name,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY,
    ...options.env,
  };
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(env),
      ClockModule,
      ObservabilityModule,
      DatabaseModule,
      OutboxModule,
      AuditModule,
      LedgerModule,
      ...imports,
    ],
  }).compile();
  await module.init();
  const owner = new Pool({ connectionString: database.url, max: 4 });
  // an idle connection closed by the server (the database dropped) must not crash the run
  owner.on('error', () => undefined);
  return {
    module,
    uow: module.get(UnitOfWork),
    owner,
    env,
    get: (type) => module.get(type, { strict: false }),
    query: async (sql, params = []) => (await owner.query(sql, params)).rows,
    close: async () => {
      await module.close();
      await owner.end();
      await dropDatabase(database.name);
    },
  };
}
