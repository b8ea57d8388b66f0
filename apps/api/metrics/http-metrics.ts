import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { OutboxStore } from '@redress/outbox';

/** Prometheus metrics: HTTP latency by route, the outbox backlog, and Node's defaults. */
@Injectable()
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly latency = new Histogram({
    name: 'redress_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(outbox: OutboxStore) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'redress_outbox_backlog',
      help: 'Outbox events not yet processed by the worker',
      registers: [this.registry],
      async collect() {
        this.set(await outbox.backlog().catch(() => -1));
      },
    });
  }

  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.latency.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
  }
}
