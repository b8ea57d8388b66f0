import { Injectable, OnModuleInit } from '@nestjs/common';
import { Metrics } from '@redress/observability';
import { OutboxStore } from './outbox-store';

/** The outbox's backlog and lag, per lane, as gauges read when scraped. */
@Injectable()
export class OutboxGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly store: OutboxStore,
  ) {}

  onModuleInit(): void {
    const states = () => this.store.laneStates();
    const reading = this.metrics.sharedReading(states);
    this.metrics.readingGauge(
      {
        name: 'redress_outbox_backlog',
        help: 'Outbox events not yet processed by the worker, by lane',
        labelNames: ['lane'],
      },
      async () => (await reading.get()).map((s) => ({ labels: { lane: s.lane }, value: s.backlog })),
    );
    this.metrics.readingGauge(
      {
        name: 'redress_outbox_oldest_unprocessed_seconds',
        help: 'How long the oldest due and unprocessed outbox event has waited, by lane',
        labelNames: ['lane'],
      },
      async () => (await reading.get()).map((s) => ({ labels: { lane: s.lane }, value: s.oldestSeconds })),
    );
  }
}
