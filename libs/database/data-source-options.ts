import type { AppConfig } from '@redress/config';
import { Client, type ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

const QUERY_TIMEOUT_MARGIN_MS = 2000;

/**
 * A pooled client whose connection dies while it runs no statement (the server terminated it, a
 * failover) emits 'error'. The pool listens only while the client is idle and TypeORM only while a
 * query runner holds it, so in between — just handed out, or just let go by TypeORM — nobody did:
 * an unhandled 'error' event crashed the process (a flake of test/hardening/chaos-database; reproduced
 * in test/hardening/chaos-connection). Listened to, its next statement fails (503) and the pool drops it.
 */
class ListenedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

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
      Client: ListenedClient,
    },
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false, // errors surface as exceptions, logged once by whoever handles them
    ...overrides,
  } as DataSourceOptions;
}
