import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { CachedReading } from './cached-reading';

/** A gauge's labelled values, as one reading returns them. */
export type GaugeReading<L extends string> = { labels: Record<L, string>; value: number }[];

/**
 * How long a SQL or queue reading serves scrapes: below any sensible scrape interval (15 s by default in
 * Prometheus), so each scrape sees fresh values while a burst of scrapes reads the database once.
 */
export const READING_MAX_AGE_MS = 5_000;

/**
 * One process's Prometheus registry: Node's defaults, the counters the libs increment, and gauges that
 * read their value when scraped (each read through a CachedReading).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly deliveries = new Counter({
    name: 'redress_deliveries_total',
    help: 'E-mail and webhook delivery attempts by channel and outcome (sent, retried, dead)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly slaBreaches = new Counter({
    name: 'redress_sla_breached_total',
    help: 'Appeals found past their decision deadline by the SLA sweep',
    registers: [this.registry],
  });

  readonly bulkJobItems = new Counter({
    name: 'redress_bulk_job_items_total',
    help: 'Items of wave-wide bulk decisions handled, by outcome (processed, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly refunds = new Counter({
    name: 'redress_refunds_total',
    help: 'Refunds that reached each status in this process (proposed, approved, rejected, paid, failed, …)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly dsaSubmissions = new Counter({
    name: 'redress_dsa_submissions_total',
    help: 'Statements of reasons sent to the DSA Transparency Database, by outcome (accepted, already_accepted, rejected, retried)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly dsaRequests = new Counter({
    name: 'redress_dsa_requests_total',
    help: 'Batch requests to the DSA Transparency Database, by answer (201, 422, 429, 5xx, other, network)',
    labelNames: ['answer'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** One reading that several gauges share (one query for the outbox's two gauges). */
  sharedReading<T>(read: () => Promise<T>): CachedReading<T> {
    return new CachedReading(read, READING_MAX_AGE_MS);
  }

  /** A gauge whose values come from `read`, taken at most once per READING_MAX_AGE_MS. */
  readingGauge<L extends string>(
    definition: { name: string; help: string; labelNames: readonly L[] },
    read: () => Promise<GaugeReading<L>>,
  ): void {
    const reading = new CachedReading(read, READING_MAX_AGE_MS);
    new Gauge<L>({
      ...definition,
      labelNames: [...definition.labelNames],
      registers: [this.registry],
      async collect() {
        this.reset();
        // a dependency that is down leaves the gauge empty for this scrape; the health checks say why
        const values = await reading.get().catch(() => []);
        for (const { labels, value } of values) this.set(labels as never, value);
      },
    });
  }
}
