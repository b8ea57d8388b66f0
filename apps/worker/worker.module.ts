import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ClockModule, ConfigModule, LoggingModule, AppConfig } from '@redress/config';
import type { ConnectionOptions } from 'bullmq';
import { AccessModule } from '@redress/access';
import { AppealsModule } from '@redress/appeals';
import { DatabaseModule } from '@redress/database';
import { DetectorsModule } from '@redress/detectors';
import { AuditModule } from '@redress/audit';
import { LedgerModule } from '@redress/ledger';
import { NotificationsModule } from '@redress/notifications';
import { TerminusModule } from '@nestjs/terminus';
import { ObservabilityModule } from '@redress/observability';
import { OutboxModule } from '@redress/outbox';
import { BULL_CONNECTION, BullConnectionModule, bullPrefix, QueueGauges, RedisModule } from '@redress/redis';
import { RefundsModule } from '@redress/refunds';
import { ReportsModule } from '@redress/reports';
import { DeliveriesProcessor } from './processors/deliveries.processor';
import { BulkEventsProcessor, EventsProcessor } from './processors/events.processor';
import { PayoutsProcessor } from './processors/payouts.processor';
import { DsaSubmissionsProcessor } from './processors/dsa-submissions.processor';
import {
  BULK_EVENTS_QUEUE,
  DELIVERIES_QUEUE,
  DSA_SUBMISSIONS_QUEUE,
  EVENTS_QUEUE,
  PAYOUTS_QUEUE,
  BULK_JOBS_QUEUE,
} from './queues';
import { DeliveryEnqueuer } from './relay/delivery-enqueuer';
import { DeliverySweep } from './relay/delivery-sweep';
import { OutboxRelay } from './relay/outbox-relay';
import { BulkJobsProcessor } from './processors/bulk-jobs.processor';
import { AppealSweeper } from './schedulers/appeal-sweeper';
import { AuditChainScheduler } from './schedulers/audit-chain-scheduler';
import { DetectorBreaker } from './schedulers/detector-breaker';
import { DsaSubmissionSweeper } from './schedulers/dsa-submission-sweeper';
import { WorkerHttpServer } from './http/worker-http-server';
import { WorkerDrain } from './shutdown/worker-drain';

/** The queue side: outbox relay, processors and schedulers; HTTP only for metrics and health. */
@Module({})
export class WorkerModule {
  static forRoot(env: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(env),
        DiscoveryModule,
        ClockModule,
        LoggingModule,
        ObservabilityModule,
        DatabaseModule,
        RedisModule,
        TerminusModule,
        OutboxModule,
        AuditModule,
        LedgerModule,
        AppealsModule,
        NotificationsModule,
        RefundsModule,
        ReportsModule,
        AccessModule,
        DetectorsModule,
        BullModule.forRootAsync({
          imports: [BullConnectionModule.forRoot()],
          inject: [AppConfig, BULL_CONNECTION],
          useFactory: (config: AppConfig, connection: ConnectionOptions) => ({
            connection,
            prefix: bullPrefix(config),
          }),
        }),
        BullModule.registerQueue(
          { name: EVENTS_QUEUE },
          { name: BULK_EVENTS_QUEUE },
          { name: DELIVERIES_QUEUE },
          { name: PAYOUTS_QUEUE },
          { name: BULK_JOBS_QUEUE },
          { name: DSA_SUBMISSIONS_QUEUE },
        ),
      ],
      providers: [
        OutboxRelay,
        EventsProcessor,
        BulkEventsProcessor,
        DeliveryEnqueuer,
        DeliveriesProcessor,
        PayoutsProcessor,
        DsaSubmissionsProcessor,
        DsaSubmissionSweeper,
        DeliverySweep,
        AppealSweeper,
        AuditChainScheduler,
        DetectorBreaker,
        BulkJobsProcessor,
        WorkerDrain,
        WorkerHttpServer,
        QueueGauges,
      ],
    };
  }
}
