import { bootFailureText, loadConfig } from '@redress/config';
import { migrate } from '@redress/database';

/** `npm run migrate`: applies pending migrations as DATABASE_MIGRATION_URL (the owner), then exits. */
migrate(loadConfig())
  .then((applied) => {
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
  })
  .catch((error: unknown) => {
    process.stderr.write(bootFailureText('redress-migrate', error));
    process.exit(1);
  });
