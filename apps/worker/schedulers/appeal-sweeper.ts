import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppealSweepsUseCase } from '@redress/appeals';
import { AppConfig } from '@redress/config';
import { Metrics } from '@redress/observability';
import { PollingLoop } from '../scheduling/polling-loop';

/** Runs the appeal sweeps (info timeouts, reminders, SLA breaches) every SWEEP_INTERVAL_MS. */
@Injectable()
export class AppealSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AppealSweeper.name);
  private readonly loop = new PollingLoop(
    'appeal sweep',
    async () => {
      const done = await this.sweeps.sweep();
      this.metrics.slaBreaches.inc(done.breached);
      if (done.timedOut + done.reminded + done.breached > 0) this.logger.log(done, 'appeal sweep');
      return false;
    },
    () => this.config.env.SWEEP_INTERVAL_MS,
    this.logger,
  );

  constructor(
    private readonly sweeps: AppealSweepsUseCase,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
