import { Injectable, OnModuleInit } from '@nestjs/common';
import { Metrics } from '@redress/observability';
import { OpenAppealCounts } from '../queries/open-appeal-counts';

/** Open appeals by status and level, as a gauge read when scraped. */
@Injectable()
export class AppealGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly counts: OpenAppealCounts,
  ) {}

  onModuleInit(): void {
    this.metrics.readingGauge(
      {
        name: 'redress_appeals_open',
        help: 'Open appeals by status and level (estimated from the table statistics past 50,000)',
        labelNames: ['status', 'level'],
      },
      async () =>
        (await this.counts.read()).map((c) => ({
          labels: { status: c.status, level: String(c.level) },
          value: c.count,
        })),
    );
  }
}
