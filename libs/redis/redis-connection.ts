import type { AppConfig } from '@redress/config';
import type { ConnectionOptions } from 'bullmq';
import Redis, { Cluster, type RedisOptions } from 'ioredis';

/** The cluster's seed nodes from REDIS_CLUSTER_NODES, or null for a single Redis at REDIS_URL. */
export function redisClusterNodes(config: AppConfig): { host: string; port: number }[] | null {
  const nodes = config.env.REDIS_CLUSTER_NODES;
  if (!nodes) return null;
  return nodes.split(',').map((node) => {
    const [host, port] = node.split(':');
    return { host, port: Number(port) };
  });
}

/** Where Redis is, for people: the URL (without its password) or the cluster's seed nodes. */
export function redisLocation(config: AppConfig): string {
  if (config.env.REDIS_CLUSTER_NODES) return `cluster ${config.env.REDIS_CLUSTER_NODES}`;
  const url = new URL(config.env.REDIS_URL);
  return url.host;
}

/**
 * A client of the configured Redis: one server, or a cluster (whose client follows slots, MOVED and
 * failovers). `options` apply to each node's connection; the offline queue setting to the cluster too.
 */
export function createRedisClient(config: AppConfig, options: RedisOptions): Redis | Cluster {
  const nodes = redisClusterNodes(config);
  if (!nodes) return new Redis(config.env.REDIS_URL, options);
  return new Cluster(nodes, {
    redisOptions: options,
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    lazyConnect: options.lazyConnect,
    clusterRetryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

/**
 * BullMQ's key prefix. On a cluster the prefix is a hash tag: every key of every queue hashes to one
 * slot, as BullMQ's multi-key scripts (a job, its queue's lists, a flow's parent) require.
 */
export function bullPrefix(config: AppConfig): string {
  const prefix = config.env.REDIS_KEY_PREFIX;
  return config.env.REDIS_CLUSTER_NODES ? `{${prefix}}` : prefix;
}

/**
 * BullMQ's connection: options for one Redis (BullMQ opens its own connections from them), or for a
 * cluster a client instance, which BullMQ shares among the queues and duplicates for blocking reads.
 * `maxRetriesPerRequest: null` is what BullMQ requires of blocking connections; `failFast` is for
 * readers that must answer at once while Redis is down (the API's dashboard).
 */
export function bullConnection(
  config: AppConfig,
  { failFast = false }: { failFast?: boolean } = {},
): ConnectionOptions {
  const options: RedisOptions = failFast
    ? { maxRetriesPerRequest: 1, enableOfflineQueue: false }
    : { maxRetriesPerRequest: null, enableOfflineQueue: true };
  const nodes = redisClusterNodes(config);
  if (!nodes) return { url: config.env.REDIS_URL, ...options } as ConnectionOptions;
  return createRedisClient(config, options) as Cluster;
}
