import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import { AppConfig } from '@redress/config';
import { problem, PROBLEM_CONTENT_TYPE } from '@redress/http';
import { Metrics, metricsScrapeAllowed, PROMETHEUS_CONTENT_TYPE } from '@redress/observability';
import { REDIS, type RedisClient } from '@redress/redis';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A dependency that has not answered by then counts as down. */
const PING_TIMEOUT_MS = 1500;

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/**
 * The worker's own small HTTP endpoint on WORKER_METRICS_PORT: `/metrics` (behind METRICS_TOKEN when
 * set), `/health/live` and `/health/ready` (PostgreSQL and Redis answer), shaped as the API's.
 */
@Injectable()
export class WorkerHttpServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHttpServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** The port it listens on (WORKER_METRICS_PORT, or the one chosen for 0). */
  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      this.answer(request, response).catch((error: Error) => {
        this.logger.error({ err: error }, 'worker HTTP endpoint failed');
        if (!response.headersSent) send(response, 500, { status: 'error' });
      });
    });
    server.listen(this.config.env.WORKER_METRICS_PORT, this.config.listenHost);
    await once(server, 'listening');
    this.server = server;
    this.logger.log({ port: this.port }, 'worker metrics and health endpoint listening');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') return send(response, 404, problem('not_found', 'Only GET is served here'));
    if (path === '/health/live') return send(response, 200, { status: 'ok' });
    if (path === '/health/ready') return this.ready(response);
    if (path !== '/metrics') return send(response, 404, problem('not_found', `No route ${path}`));
    if (!metricsScrapeAllowed(request.headers.authorization, this.config.env.METRICS_TOKEN)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      return send(
        response,
        401,
        problem('unauthenticated', '/metrics needs Authorization: Bearer <METRICS_TOKEN>'),
      );
    }
    const text = await this.metrics.registry.metrics();
    response.writeHead(200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE }).end(text);
  }

  private async ready(response: ServerResponse): Promise<void> {
    const [database, redis] = await Promise.all([
      Promise.resolve(this.db.pingCheck('database', { timeout: PING_TIMEOUT_MS })).then(
        () => true,
        () => false,
      ),
      within(this.redis.ping(), PING_TIMEOUT_MS)
        .then(() => true)
        .catch(() => false),
    ]);
    if (database && redis)
      return send(response, 200, {
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    const down = [database ? [] : ['database'], redis ? [] : ['redis']].flat();
    send(response, 503, problem('dependency_unavailable', `Not ready: ${down.join(' and ')} unavailable`));
  }
}

function send(response: ServerResponse, status: number, body: object): void {
  const type = status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json';
  response.writeHead(status, { 'Content-Type': type }).end(JSON.stringify(body));
}
