import { Global, Module } from '@nestjs/common';
import { Outbox } from './outbox';
import { OutboxGauges } from './outbox-gauges';
import { OutboxStore } from './outbox-store';

@Global()
@Module({ providers: [Outbox, OutboxStore, OutboxGauges], exports: [Outbox, OutboxStore] })
export class OutboxModule {}
