import { Module } from '@nestjs/common';
import { CreateSuspensionBatchUseCase } from './application/create-suspension-batch.use-case';
import { CreateSuspensionUseCase } from './application/create-suspension.use-case';
import { CreateWaveUseCase } from './application/create-wave.use-case';
import { LiftSuspensionUseCase } from './application/lift-suspension.use-case';
import { REFUND_CLAIMS, RefundClaimsSlot } from './application/refund-claims.port';
import { StatementPublisherSlot } from './application/statement-publisher.port';
import { SuspensionStore, WaveStore } from './application/suspension-store.port';
import { SuspensionWriter } from './application/suspension-writer';
import { UpholdSuspension } from './application/uphold-suspension';
import { SuspensionRepository } from './persistence/suspension.repository';
import { WaveRepository } from './persistence/wave.repository';
import { SuspensionQueries } from './queries/suspension-queries';
import { WaveQueries } from './queries/wave-queries';

const EXPORTED = [
  CreateSuspensionUseCase,
  CreateSuspensionBatchUseCase,
  LiftSuspensionUseCase,
  UpholdSuspension,
  SuspensionQueries,
  CreateWaveUseCase,
  WaveQueries,
];

@Module({
  providers: [
    ...EXPORTED,
    SuspensionWriter,
    SuspensionRepository,
    WaveRepository,
    // other libs reach suspensions and waves through these ports, never the repositories
    { provide: SuspensionStore, useExisting: SuspensionRepository },
    { provide: WaveStore, useExisting: WaveRepository },
    // a lift asks what refunds claim through this slot, which RefundsModule fills
    RefundClaimsSlot,
    { provide: REFUND_CLAIMS, useExisting: RefundClaimsSlot },
    // every decision publishes its DSA statement through this slot, which ReportsModule fills
    StatementPublisherSlot,
  ],
  exports: [...EXPORTED, SuspensionStore, WaveStore, RefundClaimsSlot, StatementPublisherSlot],
})
export class SuspensionsModule {}
