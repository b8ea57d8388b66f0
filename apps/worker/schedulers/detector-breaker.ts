import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { JudgeDetectorsUseCase } from '@redress/detectors';
import { Clock, addMs } from '@redress/kernel';
import { PollingLoop } from '../scheduling/polling-loop';

/**
 * A decision commits some time after its decided_at: each round looks back this far before the last one
 * began, so a case decided in a transaction still open then is judged all the same.
 */
const OVERLAP_MS = 60_000;

/** Runs the detector breaker every SWEEP_INTERVAL_MS: every version on the first round, then those with new decisions. */
@Injectable()
export class DetectorBreaker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DetectorBreaker.name);
  private lastRound: Date | null = null;
  private readonly loop = new PollingLoop(
    'detector breaker',
    async () => {
      const started = this.clock.now();
      const moves = await this.breaker.round(this.lastRound && addMs(this.lastRound, -OVERLAP_MS));
      this.lastRound = started;
      if (moves > 0) this.logger.log({ moves }, 'detector breaker');
      return false;
    },
    () => this.config.env.SWEEP_INTERVAL_MS,
    this.logger,
  );

  constructor(
    private readonly breaker: JudgeDetectorsUseCase,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
