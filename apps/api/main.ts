import 'reflect-metadata';
import { bootFailureText, loadConfig } from '@redress/config';
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
  // development tokens are handed to anyone who asks: only this machine may ask
  await app.listen({ port: config.env.PORT, host: config.developmentTokens ? '127.0.0.1' : '0.0.0.0' });
  process.stdout.write(`redress-api listening on http://127.0.0.1:${config.env.PORT} (docs at /docs)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(bootFailureText('redress-api', error));
  process.exit(1);
});
