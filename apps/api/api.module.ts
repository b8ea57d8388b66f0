import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '@redress/audit';
import { AuthModule } from '@redress/auth';
import { ClockModule, ConfigModule, LoggingModule } from '@redress/config';
import { DatabaseModule } from '@redress/database';
import { HttpConventionsModule } from '@redress/http';
import { NotificationsModule } from '@redress/notifications';
import { OutboxModule } from '@redress/outbox';
import { RedisModule } from '@redress/redis';
import { SuspensionsModule } from '@redress/suspensions';
import { AuditController } from './audit/audit.controller';
import { HealthController } from './health/health.controller';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { SuspensionsController } from './suspensions/suspensions.controller';

/** The HTTP app: controllers only; every rule lives in the libs. */
@Module({})
export class ApiModule {
  static forRoot(env: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(env),
        ClockModule,
        LoggingModule,
        DatabaseModule,
        RedisModule,
        AuthModule,
        HttpConventionsModule,
        AuditModule,
        OutboxModule,
        TerminusModule,
        SuspensionsModule,
        NotificationsModule,
      ],
      controllers: [
        HealthController,
        MetricsController,
        AuditController,
        SuspensionsController,
        NotificationsController,
      ],
      providers: [HttpMetrics],
    };
  }
}
