import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/** Within the 10 s a stopping process has (docs/operations.md), leaving time to close the rest. */
export const DRAIN_DEADLINE_MS = 7_000;

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

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), DRAIN_DEADLINE_MS);
    });
    const drained = Promise.all(workers.map((worker) => worker.close())).then(() => 'drained' as const);
    const outcome = await Promise.race([drained, deadline]);
    clearTimeout(timer);
    if (outcome === 'deadline')
      this.logger.warn(`jobs still running after ${DRAIN_DEADLINE_MS} ms are left to be retried`);
  }
}
