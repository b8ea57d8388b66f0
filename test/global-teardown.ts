import { deleteRedisKeys } from '../libs/testing/test-app';
import { dropRunDatabases } from '../libs/testing/test-database';

export default async function globalTeardown(): Promise<void> {
  const run = process.env.REDRESS_TEST_RUN;
  if (!run) return;
  await dropRunDatabases(run);
  await deleteRedisKeys(`redress_test_${run}_`);
}
