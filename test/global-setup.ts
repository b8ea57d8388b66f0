import { loadConfig } from '../libs/config';
import { migrate } from '../libs/database';
import { databaseUrl, newRunId, templateDatabaseName } from '../libs/testing/test-env';

/** Once per run: a migrated template database that each test file clones (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const run = newRunId();
  process.env.REDRESS_TEST_RUN = run;
  await migrate(loadConfig({ DATABASE_URL: databaseUrl(templateDatabaseName(run)), LOG_LEVEL: 'silent' }));
}
