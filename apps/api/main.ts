import 'reflect-metadata';
import { bootFailureText, loadConfig } from '@redress/config';
import { boundShutdown, startTracing, writeStartLine } from '@redress/observability';
import { Logger } from 'nestjs-pino';

async function main(): Promise<void> {
  const config = loadConfig();
  startTracing(config.env, 'redress-api');
  // loaded once tracing has started, so that its instrumentations patch pg, ioredis and http as they load
  const { migrate, preflight } = await import('@redress/database');
  const { createApiApp } = await import('./create-api-app');
  const { InFlightRequests } = await import('./shutdown/in-flight-requests');
  const problem = await preflight(config);
  if (problem) {
    process.stderr.write(`redress-api: ${problem}\n`);
    process.exit(1);
  }
  await migrate(config);
  const app = await createApiApp();
  const requests = app.get(InFlightRequests);
  boundShutdown({
    timeoutMs: config.env.SHUTDOWN_TIMEOUT_MS,
    logger: app.get(Logger),
    lastStep: () => requests.answerUnfinished(),
  });
  await app.listen({ port: config.env.PORT, host: config.listenHost });
  writeStartLine(
    'redress-api',
    `redress-api listening on http://${config.listenHost}:${config.env.PORT} (docs at /docs)`,
    {
      port: config.env.PORT,
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(bootFailureText('redress-api', error));
  process.exit(1);
});
