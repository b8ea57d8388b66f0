import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AppConfig } from '@redress/config';

/** Of SHUTDOWN_TIMEOUT_MS, what closing the rest (queues, Redis, the database) is left after the drain. */
const CLOSING_MS = 3_000;

/** How long running jobs may take to finish after SIGTERM: at least half the timeout. */
export const drainDeadlineMs = (shutdownTimeoutMs: number): number =>
  Math.max(shutdownTimeoutMs - CLOSING_MS, shutdownTimeoutMs / 2);

/**
 * On shutdown (SIGTERM, or close()) the BullMQ workers stop taking jobs and the running ones finish
 * before anything they use is closed. Nest would otherwise close the database in the same phase as the
 * workers, and a job finishing after that (a webhook delivered, its result not yet recorded) would
 * fail and be done again by the next worker. A job still running at the deadline is left to be retried:
 * its queue lock and its delivery lease expire.
 */
@Injectable()
export class WorkerDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerDrain.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
    const deadlineMs = drainDeadlineMs(this.config.env.SHUTDOWN_TIMEOUT_MS);
    this.logger.log(
      { workers: workers.length, deadlineMs },
      'draining: no new jobs, waiting for the running ones',
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
    });
    const drained = Promise.all(workers.map((worker) => worker.close())).then(() => 'drained' as const);
    const outcome = await Promise.race([drained, deadline]);
    clearTimeout(timer);
    if (outcome === 'deadline')
      this.logger.warn({ deadlineMs }, 'jobs still running at the drain deadline are left to be retried');
    else this.logger.log('drained: every running job finished');
  }
}
