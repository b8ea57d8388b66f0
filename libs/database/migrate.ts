import type { AppConfig } from '@redress/config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';

/**
 * Creates the database if missing and applies pending migrations, as the owner (DATABASE_MIGRATION_URL);
 * safe to run from several processes.
 */
export async function migrate(config: AppConfig): Promise<string[]> {
  await ensureDatabase(config.migrationDatabaseUrl);
  const dataSource = new DataSource(
    dataSourceOptions(config, { poolSize: 1, url: config.migrationDatabaseUrl } as Partial<DataSourceOptions>),
  );
  await dataSource.initialize();
  try {
    // Serialise concurrent starters (N API + M worker processes) on one advisory lock.
    await dataSource.query('SELECT pg_advisory_lock(7350001)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query('SELECT pg_advisory_unlock(7350001)');
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
