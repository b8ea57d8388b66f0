import { Global, Module } from '@nestjs/common';
import { LedgerQueries } from './ledger-queries';
import { LedgerService } from './ledger.service';

/** Global like audit and outbox: any domain lib posts entries in its own transactions. */
@Global()
@Module({ providers: [LedgerService, LedgerQueries], exports: [LedgerService, LedgerQueries] })
export class LedgerModule {}
