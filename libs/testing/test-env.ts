import { randomBytes } from 'node:crypto';
import { APP_ROLE } from '@redress/database';

export const TEST_JWT_SECRET = 'redress-test-secret-0123456789abcdef';
/** Signs the audit checkpoints of every test app (an Ed25519 PKCS#8 key made for the tests only). */
export const TEST_AUDIT_SIGNING_KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MC4CAQAwBQYDK2VwBCIEIDL29wbYp0X2qfuIpytsJU1PjzgRyw9zyngZiZd6Kisv',
  '-----END PRIVATE KEY-----',
].join('\n');
const ADMIN_URL =
  process.env.REDRESS_TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The database server tests use; its own databases are named redress_test_<run>_*. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The same database as the restricted role the apps run as (migration 11), as in production. */
export function appDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}

export const adminDatabaseUrl = (): string => ADMIN_URL;

export function testRunId(): string {
  const run = process.env.REDRESS_TEST_RUN;
  if (!run)
    throw new Error('REDRESS_TEST_RUN is not set: run the e2e tests through jest (test/global-setup.ts)');
  return run;
}

export const newRunId = (): string => randomBytes(4).toString('hex');
export const templateDatabaseName = (run: string): string => `redress_test_${run}_template`;
