import type { AppConfig } from '@redress/config';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

const QUERY_TIMEOUT_MARGIN_MS = 2000;

/** One definition for the apps, the migration runner and the tests. Entities come from each lib's module. */
export function dataSourceOptions(
  config: AppConfig,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.env.DATABASE_URL,
    poolSize: config.env.DATABASE_POOL_SIZE,
    extra: {
      statement_timeout: config.env.DATABASE_STATEMENT_TIMEOUT_MS,
      // The server ends a slow statement itself; this client-side bound is for when its answer can
      // never arrive (a network partition): the request then fails as 503 instead of hanging.
      query_timeout: config.env.DATABASE_STATEMENT_TIMEOUT_MS + QUERY_TIMEOUT_MARGIN_MS,
      keepAlive: true,
      connectionTimeoutMillis: config.env.DATABASE_CONNECT_TIMEOUT_MS,
      application_name: 'redress',
    },
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false, // errors surface as exceptions, logged once by whoever handles them
    ...overrides,
  } as DataSourceOptions;
}
