import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppealsModule } from '@redress/appeals';
import { AuditModule } from '@redress/audit';
import { AuthModule } from '@redress/auth';
import { CaseworkModule } from '@redress/casework';
import { ClockModule, ConfigModule, LoggingModule } from '@redress/config';
import { DatabaseModule } from '@redress/database';
import { DetectorsModule } from '@redress/detectors';
import { LedgerModule } from '@redress/ledger';
import { HttpConventionsModule, RateLimitModule } from '@redress/http';
import { NotificationsModule } from '@redress/notifications';
import { ObservabilityModule } from '@redress/observability';
import { OutboxModule } from '@redress/outbox';
import { QueueGauges, RedisModule } from '@redress/redis';
import { RefundsModule } from '@redress/refunds';
import { SuspensionsModule } from '@redress/suspensions';
import { AccessLinksApiModule } from './access-links/access-links-api.module';
import { QueueDashboardModule } from './admin/queue-dashboard.module';
import { AppealsController } from './appeals/appeals.controller';
import { ReviewController } from './appeals/review.controller';
import { AuditController } from './audit/audit.controller';
import { CaseworkController } from './casework/casework.controller';
import { MacrosController } from './casework/macros.controller';
import { DetectorsController } from './detectors/detectors.controller';
import { DevModule } from './dev/dev.module';
import { EvidenceApiModule } from './evidence/evidence-api.module';
import { FinanceController } from './finance/finance.controller';
import { HealthController } from './health/health.controller';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { RefundsController } from './refunds/refunds.controller';
import { ReportsApiModule } from './reports/reports-api.module';
import { InFlightRequests } from './shutdown/in-flight-requests';
import { SessionController } from './session/session.controller';
import { SuspensionsController } from './suspensions/suspensions.controller';
import { WavesController } from './waves/waves.controller';

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
        ObservabilityModule,
        DatabaseModule,
        RedisModule,
        AuthModule,
        HttpConventionsModule,
        RateLimitModule,
        AuditModule,
        OutboxModule,
        LedgerModule,
        TerminusModule,
        SuspensionsModule,
        AppealsModule,
        RefundsModule,
        NotificationsModule,
        QueueDashboardModule,
        EvidenceApiModule,
        ReportsApiModule,
        CaseworkModule,
        AccessLinksApiModule,
        DetectorsModule,
        DevModule.forRoot(env),
      ],
      controllers: [
        HealthController,
        MetricsController,
        AuditController,
        SuspensionsController,
        WavesController,
        DetectorsController,
        AppealsController,
        ReviewController,
        NotificationsController,
        RefundsController,
        FinanceController,
        MacrosController,
        CaseworkController,
        SessionController,
      ],
      providers: [HttpMetrics, QueueGauges, InFlightRequests],
    };
  }
}
