import { DynamicModule, Module } from '@nestjs/common';
import { AppealsModule } from '@redress/appeals';
import { AuditModule } from '@redress/audit';
import { ClockModule, ConfigModule } from '@redress/config';
import { DatabaseModule } from '@redress/database';
import { LedgerModule } from '@redress/ledger';
import { NotificationsModule } from '@redress/notifications';
import { ObservabilityModule } from '@redress/observability';
import { OutboxModule } from '@redress/outbox';
import { CliOutput } from './cli-output';
import { AuditVerifyCommand } from './commands/audit-verify.command';
import { DeliveriesListCommand, DeliveriesRedeliverCommand } from './commands/deliveries.command';
import { MigrateCommand, MigrateStatusCommand } from './commands/migrate.command';
import { OutboxStatusCommand } from './commands/outbox-status.command';
import { TokenCommand } from './commands/token.command';

/** Commands that read or change the application's data, through the same libs as the apps. */
export const DATABASE_COMMANDS = new Set(['outbox:status', 'deliveries:list', 'deliveries:redeliver']);

/**
 * The admin CLI. The application's database is connected only for the commands that need it, so
 * that `migrate` works on a database that does not exist yet and `token` with none at all.
 */
@Module({})
export class CliModule {
  static forCommand(
    command: string | undefined,
    env: Record<string, string | undefined>,
    output: CliOutput,
  ): DynamicModule {
    const database = DATABASE_COMMANDS.has(command ?? '')
      ? [
          ClockModule,
          ObservabilityModule,
          DatabaseModule,
          OutboxModule,
          AuditModule,
          LedgerModule,
          AppealsModule,
          NotificationsModule,
        ]
      : [];
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(env), ...database],
      providers: [
        { provide: CliOutput, useValue: output },
        MigrateCommand,
        MigrateStatusCommand,
        AuditVerifyCommand,
        OutboxStatusCommand,
        DeliveriesListCommand,
        DeliveriesRedeliverCommand,
        TokenCommand,
      ],
    };
  }
}
