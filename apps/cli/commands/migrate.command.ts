import { AppConfig } from '@redress/config';
import { migrate, migrationStatus } from '@redress/database';
import { Command } from 'nest-commander';
import { CliOutput } from '../cli-output';
import { JsonCommand, type JsonOptions } from './json-option';

@Command({ name: 'migrate', description: 'apply pending migrations as DATABASE_MIGRATION_URL (the owner)' })
export class MigrateCommand extends JsonCommand {
  constructor(
    private readonly config: AppConfig,
    private readonly out: CliOutput,
  ) {
    super();
  }

  async run(_params: string[], options: JsonOptions): Promise<void> {
    const applied = await migrate(this.config);
    this.out.print(options.json, { applied }, [
      applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations',
    ]);
  }
}

@Command({ name: 'migrate:status', description: 'every migration and whether it is applied' })
export class MigrateStatusCommand extends JsonCommand {
  constructor(
    private readonly config: AppConfig,
    private readonly out: CliOutput,
  ) {
    super();
  }

  async run(_params: string[], options: JsonOptions): Promise<void> {
    const migrations = await migrationStatus(this.config);
    const pending = migrations.filter((m) => !m.applied).length;
    this.out.print(options.json, { migrations, pending }, [
      ...migrations.map((m) => `${m.applied ? 'applied' : 'pending'}  ${m.name}`),
      pending ? `${pending} pending: run npm run migrate` : 'up to date',
    ]);
  }
}
