import { Global, Module } from '@nestjs/common';
import { Outbox } from './outbox';
import { OutboxStore } from './outbox-store';

@Global()
@Module({ providers: [Outbox, OutboxStore], exports: [Outbox, OutboxStore] })
export class OutboxModule {}
