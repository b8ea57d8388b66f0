import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditChainLinker } from '@redress/audit';
import { AppConfig } from '@redress/config';
import { PollingLoop } from '../scheduling/polling-loop';

/** Link passes run this often at most, so an event is linked within about two of them. */
const LINK_INTERVAL_MS = 1000;

/**
 * Links committed audit events into the global chain every second (or every AUDIT_CHECKPOINT_SECONDS
 * if shorter) and signs a checkpoint whenever events were linked and the last one is old enough that
 * no gap between checkpoints exceeds AUDIT_CHECKPOINT_SECONDS. Each pass is its own short transaction.
 */
@Injectable()
export class AuditChainScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditChainScheduler.name);
  private readonly loop = new PollingLoop(
    'audit chain link',
    () => this.linker.pass({ checkpointAfterMs: this.checkpointMs - this.intervalMs }),
    () => this.intervalMs,
    this.logger,
  );

  constructor(
    private readonly linker: AuditChainLinker,
    private readonly config: AppConfig,
  ) {}

  private get checkpointMs(): number {
    return this.config.env.AUDIT_CHECKPOINT_SECONDS * 1000;
  }

  private get intervalMs(): number {
    return Math.min(LINK_INTERVAL_MS, this.checkpointMs);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Before the database closes, so that a running pass commits rather than failing half-way. */
  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
