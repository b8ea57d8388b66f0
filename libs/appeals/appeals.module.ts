import { Module } from '@nestjs/common';
import { SuspensionsModule } from '@redress/suspensions';
import { AppealGauges } from './application/appeal-gauges';
import { AppealStore } from './application/appeal-store.port';
import { AppealSweepsUseCase } from './application/appeal-sweeps.use-case';
import { AppealTransitioner } from './application/appeal-transitioner';
import { ClaimNextUseCase } from './application/claim-next.use-case';
import { DecideAppealUseCase } from './application/decide-appeal.use-case';
import { FileAppealUseCase } from './application/file-appeal.use-case';
import { LiftWithAppealUseCase } from './application/lift-with-appeal.use-case';
import { OpenSampleCasesUseCase } from './application/open-sample-cases.use-case';
import { PostMessageUseCase } from './application/post-message.use-case';
import { REFUND_PROPOSER, RefundProposerSlot } from './application/refund-proposer.port';
import { RequestBulkDecisionUseCase } from './application/request-bulk-decision.use-case';
import { RunBulkDecisionUseCase } from './application/run-bulk-decision.use-case';
import { TransitionAppealUseCase } from './application/transition-appeal.use-case';
import { WaveFlags } from './application/wave-flags';
import { AppealRepository } from './persistence/appeal.repository';
import { BulkJobRepository } from './persistence/bulk-job.repository';
import { MessageRepository } from './persistence/message.repository';
import { AppealQueries } from './queries/appeal-queries';
import { BulkJobQueries } from './queries/bulk-job-queries';
import { OpenAppealCounts } from './queries/open-appeal-counts';

const USE_CASES = [
  FileAppealUseCase,
  TransitionAppealUseCase,
  DecideAppealUseCase,
  PostMessageUseCase,
  ClaimNextUseCase,
  LiftWithAppealUseCase,
  AppealSweepsUseCase,
  RequestBulkDecisionUseCase,
  RunBulkDecisionUseCase,
  OpenSampleCasesUseCase,
];

@Module({
  imports: [SuspensionsModule],
  providers: [
    ...USE_CASES,
    BulkJobQueries,
    AppealTransitioner,
    WaveFlags,
    AppealRepository,
    BulkJobRepository,
    MessageRepository,
    AppealQueries,
    OpenAppealCounts,
    AppealGauges,
    // refunds reach appeals through this port, never the repository
    { provide: AppealStore, useExisting: AppealRepository },
    // a decision proposes a refund through this slot, which RefundsModule fills
    RefundProposerSlot,
    { provide: REFUND_PROPOSER, useExisting: RefundProposerSlot },
  ],
  exports: [...USE_CASES, BulkJobQueries, AppealStore, AppealQueries, WaveFlags, RefundProposerSlot],
})
export class AppealsModule {}
