import { Client } from 'pg';
import { adminDatabaseUrl, appDatabaseUrl, databaseUrl, templateDatabaseName, testRunId } from './test-env';

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated template: isolated per test file, ready in milliseconds. */
export async function createTestDatabase(
  label: string,
): Promise<{ name: string; url: string; appUrl: string }> {
  const run = testRunId();
  const name = `redress_test_${run}_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName(run)}"`));
  return { name, url: databaseUrl(name), appUrl: appDatabaseUrl(name) };
}

/** A database with nothing in it (not even migrations), dropped with the run's others. */
export async function createEmptyDatabase(
  label: string,
): Promise<{ name: string; url: string; appUrl: string }> {
  const name = `redress_test_${testRunId()}_${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  return { name, url: databaseUrl(name), appUrl: appDatabaseUrl(name) };
}

/**
 * Drops a test file's database once its connections are closed. Without FORCE: terminating a
 * connection some library still holds would raise an unhandled error in the middle of another test
 * file; a database still in use is left for the global teardown, which drops the run's databases.
 */
export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}"`)).catch((error: { code?: string }) => {
    if (error.code !== '55006') throw error; // object_in_use
  });
}

export async function dropRunDatabases(run: string): Promise<void> {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`redress_test_${run}_%`],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
