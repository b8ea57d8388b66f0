import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { openSpan, type OpenSpan } from '@redress/observability';
import { OutboxStore, type ClaimedOutboxMessage } from '@redress/outbox';
import type { Queue } from 'bullmq';
import { onRedisRecovery, PollingLoop } from '../scheduling/polling-loop';
import {
  BULK_EVENTS_CHUNK,
  BULK_EVENTS_QUEUE,
  inChunks,
  EVENTS_QUEUE,
  PAYOUTS_QUEUE,
  BULK_JOBS_QUEUE,
  DSA_SUBMISSIONS_QUEUE,
  queueForMessage,
  type BulkEventJobData,
  type EventJobData,
} from '../queues';

/**
 * Moves committed outbox rows into BullMQ (job id = outbox id, so a repeated relay never duplicates).
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of workers can relay side by side.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly BATCH = 500;
  private readonly logger = new Logger(OutboxRelay.name);
  private lastLagWarning = 0;
  private readonly loop = new PollingLoop(
    'outbox relay',
    () => this.relayOnce(),
    () => this.config.env.OUTBOX_POLL_MS,
    this.logger,
  );

  constructor(
    private readonly store: OutboxStore,
    private readonly config: AppConfig,
    @InjectQueue(EVENTS_QUEUE) private readonly events: Queue<EventJobData>,
    @InjectQueue(BULK_EVENTS_QUEUE) private readonly bulkEvents: Queue<BulkEventJobData>,
    @InjectQueue(PAYOUTS_QUEUE) private readonly payouts: Queue<EventJobData>,
    @InjectQueue(BULK_JOBS_QUEUE) private readonly bulkJobs: Queue<EventJobData>,
    @InjectQueue(DSA_SUBMISSIONS_QUEUE) private readonly dsaSubmissions: Queue<EventJobData>,
  ) {}

  private get queues(): Queue<EventJobData>[] {
    return [this.events, this.payouts, this.bulkJobs, this.dsaSubmissions];
  }

  onApplicationBootstrap(): void {
    for (const queue of [...this.queues.slice(1), this.bulkEvents])
      queue.on('error', (error) => this.logger.warn(`queue ${queue.name}: ${error.message}`));
    onRedisRecovery(this.events, this.logger, async () => {
      const n = await this.store.unclaimAllUnprocessed();
      if (n) this.logger.warn(`Redis reconnected: re-relaying ${n} events`);
    });
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One round; true when a lane had more rows than it took, so the next round should follow at once. */
  async relayOnce(): Promise<boolean> {
    const staleAfterMs = this.config.env.OUTBOX_RELAY_TIMEOUT_MS;
    const bulkRoom = await this.bulkRoom();
    const single = await this.store.claim('default', OutboxRelay.BATCH, staleAfterMs);
    const bulk = bulkRoom > 0 ? await this.store.claim('bulk', bulkRoom, staleAfterMs) : [];
    const claimed = [...single, ...bulk];
    if (claimed.length === 0) return false;
    this.warnOfLag(claimed);
    const spans = new Map(claimed.map((m) => [m.id, relaySpan(m)]));
    const jobData = (m: ClaimedOutboxMessage): EventJobData => ({
      outboxId: m.id,
      type: m.type,
      payload: m.payload,
      requestId: m.requestId,
      traceparent: spans.get(m.id)?.traceparent ?? m.traceparent,
    });
    try {
      await Promise.all([
        ...this.queues.map((queue) =>
          this.enqueue(
            queue,
            claimed.filter((m) => queueForMessage(m) === queue.name),
            jobData,
          ),
        ),
        this.enqueueBulk(
          claimed.filter((m) => queueForMessage(m) === BULK_EVENTS_QUEUE),
          jobData,
        ),
      ]);
    } catch (error) {
      for (const span of spans.values()) span.end(error as Error);
      await this.store.unclaim(claimed.map((m) => m.id));
      throw error;
    }
    for (const span of spans.values()) span.end();
    return single.length === OutboxRelay.BATCH || (bulk.length > 0 && bulk.length === bulkRoom);
  }

  /**
   * How many bulk events may be queued now: enough for BULK_AHEAD_SECONDS at the paced rate. The rest
   * wait in the outbox, so a wave never floods Redis, relays no faster than it is sent, and none of its
   * events sits queued past OUTBOX_RELAY_TIMEOUT_MS (which would have them relayed a second time).
   * Claimed in strides of a second's worth: each claim walks past the wave's events already relayed
   * and not yet sent, so claiming the room as it frees up, a chunk at a time, cost PostgreSQL 80 µs a
   * notice (`npm run bench`, wave notices).
   */
  private async bulkRoom(): Promise<number> {
    const counts = await this.bulkEvents.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    const queued = Object.values(counts).reduce((sum, n) => sum + n, 0) * BULK_EVENTS_CHUNK;
    const pace = this.config.env.BULK_NOTICES_PER_SECOND;
    const room = Math.min(OutboxRelay.BATCH, BULK_AHEAD_SECONDS * pace - queued);
    return room >= Math.min(OutboxRelay.BATCH, pace) ? room : 0;
  }

  /** A relayed row that waited longer than LAG_WARNING_SECONDS says the workers fall behind: once a minute. */
  private warnOfLag(claimed: ClaimedOutboxMessage[]): void {
    const oldest = Math.min(...claimed.map((m) => m.createdAt.getTime()));
    const waitedSeconds = Math.round((Date.now() - oldest) / 1000);
    if (waitedSeconds < LAG_WARNING_SECONDS || Date.now() - this.lastLagWarning < 60_000) return;
    this.lastLagWarning = Date.now();
    this.logger.warn(
      { relayed: claimed.length, oldestWaitedSeconds: waitedSeconds },
      'outbox relay is behind: events waited over a minute before they were queued',
    );
  }

  private async enqueue(
    queue: Queue<EventJobData>,
    messages: ClaimedOutboxMessage[],
    jobData: (m: ClaimedOutboxMessage) => EventJobData,
  ): Promise<void> {
    if (messages.length === 0) return;
    await queue.addBulk(
      messages.map((m) => ({ name: m.type, data: jobData(m), opts: { jobId: m.id, ...JOB_OPTIONS } })),
    );
  }

  /**
   * A chunk's job id is its first event's: relaying the same rows again queues nothing new. Should a
   * re-relay chunk them differently, an event may be dispatched twice, which changes nothing.
   */
  private async enqueueBulk(
    messages: ClaimedOutboxMessage[],
    jobData: (m: ClaimedOutboxMessage) => EventJobData,
  ): Promise<void> {
    if (messages.length === 0) return;
    await this.bulkEvents.addBulk(
      inChunks(messages, BULK_EVENTS_CHUNK).map((chunk) => ({
        name: 'bulk',
        data: { events: chunk.map(jobData) },
        opts: { jobId: chunk[0].id, ...JOB_OPTIONS },
      })),
    );
  }
}

const BULK_AHEAD_SECONDS = 5;

/** Past this, a relayed event is logged as late (the alert rules page at 60 s too). */
const LAG_WARNING_SECONDS = 60;

/** The row's relay as a span of the trace of the transaction that wrote it. */
const relaySpan = (m: ClaimedOutboxMessage): OpenSpan =>
  openSpan(`outbox relay ${m.type}`, {
    parent: m.traceparent,
    kind: 'producer',
    attributes: { 'redress.event_id': m.id, 'redress.lane': m.lane },
  });

const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  // Finished jobs leave Redis; the outbox row (processed_at) is the record that it happened.
  removeOnComplete: true,
  removeOnFail: true,
} as const;
