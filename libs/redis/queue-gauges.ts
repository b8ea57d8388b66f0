import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Metrics } from '@redress/observability';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from './queue-names';

/** The job states an operator watches: work piling up, running, scheduled for later, given up on. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * `redress_queue_jobs{queue,state}` from the queues the app registered (the worker's, or the API's
 * read-only dashboard's): one getJobCounts per queue, read when scraped.
 */
@Injectable()
export class QueueGauges implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const queues = ALL_QUEUES.flatMap((name) => {
      try {
        return [this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })];
      } catch {
        return []; // a process without this queue
      }
    });
    this.metrics.readingGauge(
      { name: 'redress_queue_jobs', help: 'BullMQ jobs by queue and state', labelNames: ['queue', 'state'] },
      async () =>
        (
          await Promise.all(
            queues.map(async (queue) => {
              // BullMQ keeps prioritized jobs apart from waiting ones; both are waiting to run
              const counts = await queue.getJobCounts(...QUEUE_STATES, 'prioritized');
              return QUEUE_STATES.map((state) => ({
                labels: { queue: queue.name, state },
                value: (counts[state] ?? 0) + (state === 'waiting' ? (counts.prioritized ?? 0) : 0),
              }));
            }),
          )
        ).flat(),
    );
  }
}
