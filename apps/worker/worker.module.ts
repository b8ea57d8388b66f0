import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ClockModule, ConfigModule, LoggingModule, AppConfig } from '@redress/config';
import { DatabaseModule } from '@redress/database';
import { NotificationsModule } from '@redress/notifications';
import { OutboxModule } from '@redress/outbox';
import { bullConnection } from '@redress/redis';
import { BulkEventsProcessor, EventsProcessor } from './processors/events.processor';
import { BULK_EVENTS_QUEUE, EVENTS_QUEUE } from './queues';
import { OutboxRelay } from './relay/outbox-relay';

/** The queue side: outbox relay, processors and schedulers; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(env: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(env),
        ClockModule,
        LoggingModule,
        DatabaseModule,
        OutboxModule,
        NotificationsModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: bullConnection(config),
            prefix: config.env.REDIS_KEY_PREFIX,
          }),
        }),
        BullModule.registerQueue({ name: EVENTS_QUEUE }, { name: BULK_EVENTS_QUEUE }),
      ],
      providers: [OutboxRelay, EventsProcessor, BulkEventsProcessor],
    };
  }
}
