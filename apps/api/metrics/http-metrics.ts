import { Injectable } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { DomainError } from '@redress/kernel';
import { sendProblem } from '@redress/http';
import { Metrics, metricsScrapeAllowed, nameActiveSpanAfterRoute } from '@redress/observability';
import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';
import { Logger } from '@nestjs/common';

const logger = new Logger('Metrics');

/** The API's metrics: HTTP latency by route beside the families every process shares (Metrics). */
@Injectable()
export class HttpMetrics {
  private readonly latency: Histogram<'method' | 'route' | 'status'>;

  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {
    this.latency = new Histogram({
      name: 'redress_http_request_duration_seconds',
      help: 'HTTP request latency by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [metrics.registry],
    });
  }

  get registry(): Registry {
    return this.metrics.registry;
  }

  instrument(fastify: FastifyInstance): void {
    const token = this.config.env.METRICS_TOKEN;
    fastify.addHook('onRequest', async (request, reply) => {
      const route = request.routeOptions.url;
      if (route) nameActiveSpanAfterRoute(request.method, route);
      if (route !== '/metrics' || metricsScrapeAllowed(request.headers.authorization, token)) return;
      reply.header('WWW-Authenticate', 'Bearer');
      sendProblem(
        reply,
        new DomainError('unauthenticated', '/metrics needs Authorization: Bearer <METRICS_TOKEN>'),
        logger,
      );
      return reply;
    });
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.latency.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
  }
}
