import 'reflect-metadata';
import { bootFailureText, loadConfig } from '@redress/config';
import { boundShutdown, startTracing, writeStartLine } from '@redress/observability';
import { Logger } from 'nestjs-pino';

async function main(): Promise<void> {
  const config = loadConfig();
  startTracing(config.env, 'redress-worker');
  // loaded once tracing has started, so that its instrumentations patch pg, ioredis and http as they load
  const { migrate, preflight } = await import('@redress/database');
  const { createWorkerApp } = await import('./create-worker-app');
  const { WorkerHttpServer } = await import('./http/worker-http-server');
  const problem = await preflight(config);
  if (problem) {
    process.stderr.write(`redress-worker: ${problem}\n`);
    process.exit(1);
  }
  await migrate(config);
  const app = await createWorkerApp();
  boundShutdown({ timeoutMs: config.env.SHUTDOWN_TIMEOUT_MS, logger: app.get(Logger) });
  writeStartLine('redress-worker', 'redress-worker started', { metricsPort: app.get(WorkerHttpServer).port });
}

main().catch((error: unknown) => {
  process.stderr.write(bootFailureText('redress-worker', error));
  process.exit(1);
});
