import 'reflect-metadata';
import { ConfigError, loadConfig } from '@redress/config';
import { migrate, preflight } from '@redress/database';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const problem = await preflight(config);
  if (problem) {
    process.stderr.write(`redress-api: ${problem}\n`);
    process.exit(1);
  }
  await migrate(config);
  const app = await createApiApp();
  await app.listen({ port: config.env.PORT, host: '0.0.0.0' });
  process.stdout.write(`redress-api listening on http://127.0.0.1:${config.env.PORT} (docs at /docs)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `redress-api: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`,
  );
  process.exit(1);
});
