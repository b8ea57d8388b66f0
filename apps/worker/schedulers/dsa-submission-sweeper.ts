import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { SubmitStatementsUseCase } from '@redress/reports';
import { PollingLoop } from '../scheduling/polling-loop';

/**
 * Every SWEEP_INTERVAL_MS, submits the statements whose retry is due (after a 429, a 5xx or a crash):
 * the outbox event of a publication sends them at once, this sends what had to wait.
 */
@Injectable()
export class DsaSubmissionSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DsaSubmissionSweeper.name);
  private readonly loop = new PollingLoop(
    'DSA submission sweep',
    async () => {
      await this.submit.submitDue();
      return false;
    },
    () => this.config.env.SWEEP_INTERVAL_MS,
    this.logger,
  );

  constructor(
    private readonly submit: SubmitStatementsUseCase,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.dsaSubmission) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
