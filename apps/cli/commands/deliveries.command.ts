import { ModuleRef } from '@nestjs/core';
import { DomainError, type Actor } from '@redress/kernel';
import { DeliveryLogQueries, RedeliverNotificationUseCase } from '@redress/notifications';
import { Command, Option } from 'nest-commander';
import { CliOutput } from '../cli-output';
import { JsonCommand, type JsonOptions } from './json-option';

/** Who the audit log names for what the CLI does. */
const CLI_ACTOR: Actor = { sub: 'redress-cli', roles: ['admin'] };
const LIST_LIMIT = 1000;

interface ListOptions extends JsonOptions {
  status?: string;
}

@Command({ name: 'deliveries:list', description: 'e-mail and webhook deliveries by status: --status dead' })
export class DeliveriesListCommand extends JsonCommand {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly out: CliOutput,
  ) {
    super();
  }

  @Option({ flags: '--status <status>', description: 'only dead is listed (the others come and go)' })
  parseStatus(value: string): string {
    return value;
  }

  async run(_params: string[], options: ListOptions): Promise<void> {
    if (options.status !== 'dead') return this.out.fail('usage: deliveries:list --status dead', 2);
    const deliveries = await this.moduleRef.get(DeliveryLogQueries, { strict: false }).listDead(LIST_LIMIT);
    this.out.print(
      options.json,
      { deliveries },
      deliveries.length
        ? deliveries.map(
            (d) => `${d.id}  ${d.channel}  ${d.eventType}  ${d.attempts} attempts  ${d.lastError ?? ''}`,
          )
        : ['no dead deliveries'],
    );
  }
}

interface RedeliverOptions extends JsonOptions {
  dead?: boolean;
}

@Command({
  name: 'deliveries:redeliver',
  arguments: '[id]',
  description: 'send a dead (or failed) delivery again: <id>, or --dead for every dead one',
})
export class DeliveriesRedeliverCommand extends JsonCommand {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly out: CliOutput,
  ) {
    super();
  }

  @Option({ flags: '--dead', description: 'every dead delivery' })
  parseDead(): boolean {
    return true;
  }

  async run([id]: string[], options: RedeliverOptions): Promise<void> {
    if (!id === !options.dead) return this.out.fail('usage: deliveries:redeliver <id> | --dead', 2);
    const ids = id
      ? [id]
      : (await this.moduleRef.get(DeliveryLogQueries, { strict: false }).listDead(LIST_LIMIT)).map(
          (d) => d.id,
        );
    const redeliver = this.moduleRef.get(RedeliverNotificationUseCase, { strict: false });
    const redelivered: string[] = [];
    const refused: { id: string; reason: string }[] = [];
    for (const each of ids) {
      try {
        redelivered.push((await redeliver.execute(CLI_ACTOR, each)).id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused.push({ id: each, reason: error.message });
      }
    }
    if (refused.length) this.out.exitCode = 1;
    this.out.print(options.json, { redelivered, refused }, [
      `queued again: ${redelivered.length}`,
      ...refused.map((r) => `refused ${r.id}: ${r.reason}`),
    ]);
  }
}
