import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule, type BullBoardModuleOptions } from '@bull-board/nestjs';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { AuthModule, JwtAuthGuard } from '@redress/auth';
import { AppConfig } from '@redress/config';
import type { ConnectionOptions, Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import {
  ALL_QUEUES,
  BULL_CONNECTION,
  BullConnectionModule,
  bullPrefix,
  REDIS,
  type RedisClient,
} from '@redress/redis';
import { adminOnlyHook } from './admin-only.hook';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';
const QUEUES = ALL_QUEUES;

/**
 * The worker's queues on a read-only bull-board dashboard at /admin/queues, for admins. The API never
 * adds or processes jobs: these Queue objects only read (readOnlyMode hides retry, clean and promote).
 */
@Module({
  imports: [
    AuthModule,
    BullModule.forRootAsync({
      // fail fast instead of hanging a dashboard request while Redis is down
      imports: [BullConnectionModule.forRoot({ failFast: true })],
      inject: [AppConfig, BULL_CONNECTION],
      useFactory: (config: AppConfig, connection: ConnectionOptions) => ({
        connection,
        prefix: bullPrefix(config),
      }),
    }),
    BullModule.registerQueue(...QUEUES.map((name) => ({ name }))),
    BullBoardModule.forRoot({
      route: QUEUE_DASHBOARD_ROUTE,
      // @bull-board/fastify pins its own copy of @bull-board/api, so the types differ though the classes agree
      adapter: FastifyAdapter as unknown as BullBoardModuleOptions['adapter'],
      boardOptions: { uiConfig: { boardTitle: 'Redress queues' } },
    }),
    BullBoardModule.forFeature(
      ...QUEUES.map((name) => ({ name, adapter: BullMQAdapter, options: { readOnlyMode: true } })),
    ),
  ],
})
export class QueueDashboardModule implements OnModuleInit {
  private readonly logger = new Logger(QueueDashboardModule.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly guard: JwtAuthGuard,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const redisReady = () => this.redis.status === 'ready';
    fastify.addHook('onRequest', adminOnlyHook(this.guard, QUEUE_DASHBOARD_ROUTE, redisReady, this.logger));
    for (const name of QUEUES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error) => this.logger.warn(`dashboard queue ${name}: ${error.message}`));
    }
  }
}
