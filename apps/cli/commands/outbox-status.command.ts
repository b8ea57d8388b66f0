import { ModuleRef } from '@nestjs/core';
import { OutboxStore } from '@redress/outbox';
import { Command } from 'nest-commander';
import { CliOutput } from '../cli-output';
import { JsonCommand, type JsonOptions } from './json-option';

@Command({
  name: 'outbox:status',
  description: "each outbox lane's backlog and the wait of its oldest event",
})
export class OutboxStatusCommand extends JsonCommand {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly out: CliOutput,
  ) {
    super();
  }

  async run(_params: string[], options: JsonOptions): Promise<void> {
    const lanes = await this.moduleRef.get(OutboxStore, { strict: false }).laneStates();
    this.out.print(
      options.json,
      { lanes },
      lanes.map(
        (l) => `${l.lane.padEnd(8)} backlog ${l.backlog}, oldest waiting ${Math.round(l.oldestSeconds)} s`,
      ),
    );
  }
}
