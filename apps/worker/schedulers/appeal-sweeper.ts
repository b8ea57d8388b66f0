import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppealSweepsUseCase } from '@redress/appeals';
import { AppConfig } from '@redress/config';

/** Runs the appeal sweeps (info timeouts, reminders, SLA breaches) every SWEEP_INTERVAL_MS. */
@Injectable()
export class AppealSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AppealSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly sweeps: AppealSweepsUseCase,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweeps
        .sweep()
        .then((done) => {
          if (done.timedOut + done.reminded + done.breached > 0) this.logger.log(done, 'appeal sweep');
        })
        .catch((error: Error) => this.logger.warn(`appeal sweep failed: ${error.message}`))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.config.env.SWEEP_INTERVAL_MS);
  }
}
