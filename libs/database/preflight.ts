import type { AppConfig } from '@redress/config';
import { createRedisClient, redisLocation } from '@redress/redis';
import { Client } from 'pg';

const redact = (url: string) => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
};

/**
 * Checks PostgreSQL and Redis before booting. Returns a one-line, human explanation of the first
 * dependency that cannot be reached (which one, where, and how to start it), or null when both answer.
 */
export async function preflight(config: AppConfig): Promise<string | null> {
  const pgUrl = new URL(config.env.DATABASE_URL);
  pgUrl.pathname = '/postgres';
  const pg = new Client({ connectionString: pgUrl.toString(), connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    return (
      `PostgreSQL is not reachable at ${redact(config.env.DATABASE_URL)} (${(error as Error).message}). ` +
      `Start it with "pg_ctlcluster --skip-systemctl-redirect 15 main start" (or "docker compose -f docker/compose.yml up -d postgres"), or set DATABASE_URL.`
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redis = createRedisClient(config, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return (
      `Redis is not reachable at ${redisLocation(config)} (${(error as Error).message}). ` +
      `Start it with "redis-server --daemonize yes --bind 127.0.0.1 --port 6379" (or "docker compose -f docker/compose.yml up -d redis"), or set REDIS_URL (or REDIS_CLUSTER_NODES).`
    );
  } finally {
    redis.disconnect();
  }
  return null;
}
