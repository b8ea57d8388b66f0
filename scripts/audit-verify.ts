import { parseCheckpointCopy, verifyAuditLog, type SignedAuditCheckpoint } from '@redress/audit';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';

/**
 * `npm run audit:verify -- --database-url postgres://… --public-key audit-public-key.pem
 * [--checkpoints checkpoints.json]`: the check GET /v1/audit/verify runs, by anyone holding a copy of
 * the database (a restored dump; SELECT is enough) and the public key, without the application's
 * configuration or the signing key. Prints the result as one JSON line; exits 0 when intact, 1 when not, 2 when it could not check.
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

async function main(url: string, keyFile: string): Promise<void> {
  const publicKey = createPublicKey(readFileSync(keyFile, 'utf8'));
  const checkpoints: SignedAuditCheckpoint[] = values.checkpoints
    ? parseCheckpointCopy(readFileSync(values.checkpoints, 'utf8'))
    : [];
  const client = new Client({ connectionString: url, application_name: 'redress-audit-verify' });
  await client.connect();
  try {
    const result = await verifyAuditLog(
      (text, params) => client.query(text, params).then((r) => r.rows),
      publicKey,
      { checkpoints },
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await client.end();
  }
}

main(databaseUrl, publicKeyFile).catch((error: Error) => {
  process.stderr.write(`audit:verify: ${error.message}\n`);
  process.exit(2);
});
