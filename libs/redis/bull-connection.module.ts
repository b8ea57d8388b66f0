import { type DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import type { ConnectionOptions } from 'bullmq';
import { Cluster } from 'ioredis';
import { bullConnection } from './redis-connection';

export const BULL_CONNECTION = Symbol('BULL_CONNECTION');

/**
 * BullMQ's connection for BullModule.forRootAsync. A cluster client is an instance BullMQ shares and
 * never closes itself, so this module quits it once the queues are closed.
 */
@Module({})
export class BullConnectionModule implements OnApplicationShutdown {
  constructor(@Inject(BULL_CONNECTION) private readonly connection: ConnectionOptions) {}

  static forRoot(options: { failFast?: boolean } = {}): DynamicModule {
    return {
      module: BullConnectionModule,
      providers: [
        {
          provide: BULL_CONNECTION,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => bullConnection(config, options),
        },
      ],
      exports: [BULL_CONNECTION],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = this.connection;
    if (connection instanceof Cluster) await connection.quit().catch(() => connection.disconnect());
  }
}
