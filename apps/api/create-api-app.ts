import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, DEVELOPMENT_SECRET_WARNING } from '@redress/config';
import {
  clientErrorHandler,
  createValidationPipe,
  requestInputGuard,
  requestIdFor,
  sendProblem,
} from '@redress/http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@redress/kernel';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { CONSOLE_SITE } from './console/serve-console';
import { setupOpenApi } from './docs/openapi';
import { applyHttpTimeouts } from './http-timeouts';
import { HttpMetrics } from './metrics/http-metrics';
import { PORTAL_SITE } from './portal/serve-portal';
import { serveSpa } from './static/serve-spa';
import { InFlightRequests } from './shutdown/in-flight-requests';

export const JSON_BODY_LIMIT = 1024 * 1024;
const frameworkLogger = new NestLogger('Http');

/**
 * A request that arrives on a kept-alive connection after shutdown began is answered 503
 * dependency_unavailable, asking the client to retry elsewhere, while the requests in flight finish.
 */
function refuseWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('Connection', 'close').header('Retry-After', '1');
    sendProblem(
      reply,
      new DomainError('dependency_unavailable', 'This API instance is shutting down; retry the request'),
      frameworkLogger,
    );
    return reply;
  });
}

/** Builds the HTTP application (used by main.ts and by the e2e tests) without listening. */
export async function createApiApp(
  env: Record<string, string | undefined> = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: requestIdFor,
    requestIdHeader: false,
    trustProxy: true,
    // refused below as problem+json instead, with a code like every other error
    return503OnClosing: false,
    // errors raised before routing (undecodable or over-long path parameters) and by Node's HTTP
    // parser answer problem+json too, not Fastify's own JSON
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      reply.header('X-Request-Id', request.id); // no onSend hook runs for these
      sendProblem(reply, error, frameworkLogger);
    },
    clientErrorHandler,
  });
  const fastify = adapter.getInstance();
  // Routes may raise their body limit with @RouteConfig({ bodyLimit }) (the batch ingest does).
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit;
    if (limit) route.bodyLimit = limit;
  });
  refuseWhileClosing(fastify);
  fastify.addHook('preValidation', requestInputGuard(frameworkLogger));
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(env), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  const config = app.get(AppConfig);
  // a slow client cannot hold a connection open forever (slow-loris)
  applyHttpTimeouts(fastify.server, config);
  const logger = app.get(Logger);
  app.get(HttpMetrics).instrument(fastify);
  app.get(InFlightRequests).track(fastify);
  // source maps help a developer; in production they would only show the code to everyone
  const sourceMaps = config.env.NODE_ENV !== 'production';
  serveSpa(fastify, CONSOLE_SITE, { sourceMaps });
  serveSpa(fastify, PORTAL_SITE, { sourceMaps });
  app.useLogger(logger);
  if (config.usesDevelopmentSecret) logger.warn(DEVELOPMENT_SECRET_WARNING, 'Auth');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (config.env.SWAGGER_ENABLED) setupOpenApi(app);
  await app.init();
  await fastify.ready();
  return app;
}
