import 'reflect-metadata';
import { bootFailureText, loadConfig } from '@redress/config';
import { migrate, preflight } from '@redress/database';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const problem = await preflight(config);
  if (problem) {
    process.stderr.write(`redress-worker: ${problem}\n`);
    process.exit(1);
  }
  await migrate(config);
  await createWorkerApp();
  process.stdout.write('redress-worker started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(bootFailureText('redress-worker', error));
  process.exit(1);
});
