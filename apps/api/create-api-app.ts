import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@redress/config';
import { createValidationPipe, requestIdFor } from '@redress/http';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { setupOpenApi } from './docs/openapi';
import { HttpMetrics } from './metrics/http-metrics';

export const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP application (used by main.ts and by the e2e tests) without listening. */
export async function createApiApp(
  env: Record<string, string | undefined> = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: requestIdFor,
    requestIdHeader: false,
    trustProxy: true,
    // A slow client cannot hold a connection open forever (slow-loris).
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    return503OnClosing: true,
  });
  const fastify = adapter.getInstance();
  // Routes may raise their body limit with @RouteConfig({ bodyLimit }) (the batch ingest does).
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit;
    if (limit) route.bodyLimit = limit;
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(env), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  const config = app.get(AppConfig);
  const logger = app.get(Logger);
  app.get(HttpMetrics).instrument(fastify);
  app.useLogger(logger);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (config.env.SWAGGER_ENABLED) setupOpenApi(app);
  await app.init();
  await fastify.ready();
  return app;
}
