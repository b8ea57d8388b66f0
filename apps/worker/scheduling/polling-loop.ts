import type { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

/**
 * Runs `tick` over and over: again at once while it reports more work waiting, otherwise after
 * `idleMs`. A failed tick is logged and retried on the next round; stop() waits for the running one.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<boolean>,
    private readonly idleMs: () => number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: Error) => {
          this.logger.warn(`${this.name} failed: ${error.message}`);
          return false;
        })
        .then((more) => {
          this.running = undefined;
          this.schedule(more ? 0 : this.idleMs());
        });
    }, delayMs);
  }
}

/**
 * Calls `recovered` when the queue's Redis connection comes back after an outage: Redis may have
 * restarted empty (no persistence), so whatever it held must be handed out again from the database.
 */
export function onRedisRecovery(queue: Queue, logger: Logger, recovered: () => Promise<unknown>): void {
  queue.on('error', (error) => logger.warn(`queue ${queue.name}: ${error.message}`));
  let wasDown = false;
  void queue.getBackend().client.then((client) => {
    client.on('error', () => (wasDown = true));
    client.on('ready', () => {
      if (!wasDown) return;
      wasDown = false;
      void recovered().catch((error: Error) =>
        logger.warn(`recovery after Redis outage failed: ${error.message}`),
      );
    });
  });
}
