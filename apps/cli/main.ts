import 'reflect-metadata';
import { bootFailureText } from '@redress/config';
import { runCli } from './run-cli';

/** `npm run cli -- <command> [--json]`: the admin CLI (docs/operations.md, "The admin CLI"). */
runCli(process.argv.slice(2))
  .then(({ exitCode }) => process.exit(exitCode))
  .catch((error: unknown) => {
    process.stderr.write(bootFailureText('redress-cli', error));
    process.exit(2);
  });
