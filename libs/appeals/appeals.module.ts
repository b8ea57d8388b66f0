import { Module } from '@nestjs/common';
import { SuspensionsModule } from '@redress/suspensions';
import { AppealSweepsUseCase } from './application/appeal-sweeps.use-case';
import { AppealTransitioner } from './application/appeal-transitioner';
import {
  BulkJobQueries,
  RequestBulkDecisionUseCase,
  RunBulkDecisionUseCase,
} from './application/bulk-decision';
import { ClaimNextUseCase } from './application/claim-next.use-case';
import { DecideAppealUseCase } from './application/decide-appeal.use-case';
import { FileAppealUseCase } from './application/file-appeal.use-case';
import { LiftWithAppealUseCase } from './application/lift-suspension.use-case';
import { PostMessageUseCase } from './application/post-message.use-case';
import { TransitionAppealUseCase } from './application/transition-appeal.use-case';
import { WaveFlags } from './application/wave-flags';
import { AppealRepository } from './persistence/appeal.repository';
import { MessageRepository } from './persistence/message.repository';
import { AppealQueries } from './queries/appeal-queries';

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
];

@Module({
  imports: [SuspensionsModule],
  providers: [
    ...USE_CASES,
    BulkJobQueries,
    AppealTransitioner,
    WaveFlags,
    AppealRepository,
    MessageRepository,
    AppealQueries,
  ],
  exports: [...USE_CASES, BulkJobQueries, AppealRepository, AppealQueries, WaveFlags],
})
export class AppealsModule {}
