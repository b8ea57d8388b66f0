import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import type { Cluster, Redis } from 'ioredis';
import { createRedisClient } from './redis-connection';

export const REDIS = Symbol('REDIS');

/** What REDIS holds: one server's client or a cluster's, which answer the same commands. */
export type RedisClient = Redis | Cluster;

export function redisKey(config: AppConfig, ...parts: string[]): string {
  return [config.env.REDIS_KEY_PREFIX, ...parts].join(':');
}

/**
 * The request path's Redis client (rate limits, health). It never queues commands while Redis is
 * down, so a request fails fast instead of hanging.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const client = createRedisClient(config, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          retryStrategy: (times) => Math.min(times * 200, 2000),
        });
        client.on('error', () => undefined); // reconnects by itself; health reports the outage
        return client;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
