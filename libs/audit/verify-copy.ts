import { createPublicKey } from 'node:crypto';
import { Client } from 'pg';
import { parseCheckpointCopy, type SignedAuditCheckpoint } from './audit-checkpoint';
import { verifyAuditLog } from './audit-verification';

/**
 * The check GET /v1/audit/verify runs, on a copy of the database (SELECT is enough) with the public
 * key and, if kept, the checkpoints copied out of it: neither Nest, TypeORM nor the signing key.
 */
export async function verifyDatabaseCopy(copy: {
  databaseUrl: string;
  publicKeyPem: string;
  checkpointsJson?: string;
}): Promise<Awaited<ReturnType<typeof verifyAuditLog>>> {
  const publicKey = createPublicKey(copy.publicKeyPem);
  const checkpoints: SignedAuditCheckpoint[] = copy.checkpointsJson
    ? parseCheckpointCopy(copy.checkpointsJson)
    : [];
  const client = new Client({ connectionString: copy.databaseUrl, application_name: 'redress-audit-verify' });
  await client.connect();
  try {
    return await verifyAuditLog((text, params) => client.query(text, params).then((r) => r.rows), publicKey, {
      checkpoints,
    });
  } finally {
    await client.end();
  }
}
