import { ConfigError, type AppConfig } from '@redress/config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { APP_ROLE } from './migrations/app-role';

/**
 * Creates the database if missing and applies pending migrations, as the owner (DATABASE_MIGRATION_URL);
 * safe to run from several processes. Started with only the restricted role's URL, an app applies
 * nothing: it checks that nothing is pending and refuses to start otherwise.
 */
export async function migrate(config: AppConfig): Promise<string[]> {
  await ensureDatabase(config.migrationDatabaseUrl);
  const dataSource = await ownersDataSource(config);
  try {
    // Serialise concurrent starters (N API + M worker processes) on one advisory lock.
    await dataSource.query('SELECT pg_advisory_lock(7350001)');
    const [{ user }] = (await dataSource.query('SELECT current_user AS user')) as { user: string }[];
    // (on a database never migrated, even looking fails: the role may not create the migrations table)
    if (user === APP_ROLE && (await dataSource.showMigrations().catch(() => true))) {
      throw new ConfigError(
        `Database migrations are pending and ${APP_ROLE} may not apply them: run "npm run migrate" with ` +
          `DATABASE_MIGRATION_URL set to the owner's URL, or give this process DATABASE_MIGRATION_URL.`,
      );
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query('SELECT pg_advisory_unlock(7350001)');
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Every migration, in order, and whether it is applied (`npm run cli -- migrate:status`). */
export async function migrationStatus(config: AppConfig): Promise<{ name: string; applied: boolean }[]> {
  const dataSource = await ownersDataSource(config);
  try {
    const applied = new Set(
      (
        (await dataSource.query('SELECT name FROM schema_migrations').catch(() => [])) as { name: string }[]
      ).map((r) => r.name),
    );
    return dataSource.migrations.map((m) => ({ name: m.name!, applied: applied.has(m.name!) }));
  } finally {
    await dataSource.destroy();
  }
}

async function ownersDataSource(config: AppConfig): Promise<DataSource> {
  const dataSource = new DataSource(
    dataSourceOptions(config, {
      poolSize: 1,
      url: config.migrationDatabaseUrl,
    } as Partial<DataSourceOptions>),
  );
  return dataSource.initialize();
}
