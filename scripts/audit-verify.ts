import { verifyDatabaseCopy } from '@redress/audit';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/**
 * `node dist/scripts/audit-verify.js --database-url postgres://… --public-key audit-public-key.pem
 * [--checkpoints checkpoints.json]`: the outsider's check of a database copy, without the application's
 * configuration (`npm run cli -- audit:verify` runs the same). Prints the result as one JSON line;
 * exits 0 when intact, 1 when not, 2 when it could not check.
 */
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'public-key': { type: 'string' },
    checkpoints: { type: 'string' },
  },
});
const databaseUrl = values['database-url'];
const publicKeyFile = values['public-key'];
if (!databaseUrl || !publicKeyFile) {
  process.stderr.write(
    'usage: npm run audit:verify -- --database-url <postgres://…> --public-key <spki.pem> [--checkpoints <file>]\n',
  );
  process.exit(2);
}

verifyDatabaseCopy({
  databaseUrl,
  publicKeyPem: readFileSync(publicKeyFile, 'utf8'),
  checkpointsJson: values.checkpoints ? readFileSync(values.checkpoints, 'utf8') : undefined,
})
  .then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exitCode = result.ok ? 0 : 1;
  })
  .catch((error: Error) => {
    process.stderr.write(`audit:verify: ${error.message}\n`);
    process.exit(2);
  });
