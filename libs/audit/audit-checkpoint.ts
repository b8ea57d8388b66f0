import canonicalize from 'canonicalize';
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** A point of the global chain: `count` events linked, the last at `seq`, with the chain's `digest` there. */
export interface AuditCheckpoint {
  seq: number;
  digest: string;
  count: number;
  /** ISO 8601 in UTC with milliseconds, as Date.toISOString() writes it. */
  at: string;
}

export interface SignedAuditCheckpoint extends AuditCheckpoint {
  /** Base64 Ed25519 signature over checkpointPayload(). */
  signature: string;
}

/** What is signed: the RFC 8785 canonical JSON of exactly the four fields. */
export function checkpointPayload(checkpoint: AuditCheckpoint): string {
  const { seq, digest, count, at } = checkpoint;
  return canonicalize({ seq, digest, count, at }) as string;
}

export function signCheckpoint(privateKey: KeyObject, checkpoint: AuditCheckpoint): SignedAuditCheckpoint {
  const signature = sign(null, Buffer.from(checkpointPayload(checkpoint)), privateKey).toString('base64');
  const { seq, digest, count, at } = checkpoint;
  return { seq, digest, count, at, signature };
}

/** False for a wrong signature and for one that is not even well-formed (a forged row). */
export function checkpointSignatureValid(publicKey: KeyObject, checkpoint: SignedAuditCheckpoint): boolean {
  try {
    const payload = Buffer.from(checkpointPayload(checkpoint));
    return verify(null, payload, publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The public half as SPKI PEM: what an outsider needs to check the checkpoints. */
export function publicKeyPem(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * Checkpoints kept outside the database, as JSON: an array of them (the `data` of
 * GET /v1/audit/checkpoints pages), one such page, or JSON lines each holding a checkpoint or a
 * worker log line with one under `checkpoint`.
 */
export function parseCheckpointCopy(text: string): SignedAuditCheckpoint[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  let items: unknown[];
  try {
    const whole = JSON.parse(trimmed) as unknown;
    items = Array.isArray(whole) ? whole : [whole];
  } catch {
    items = trimmed
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  }
  return items.flatMap((item, i) => {
    const record = item as { data?: unknown[]; checkpoint?: unknown };
    if (Array.isArray(record.data)) return record.data.map((c, j) => asCheckpoint(c, `${i + 1}.${j + 1}`));
    return [asCheckpoint(record.checkpoint ?? item, String(i + 1))];
  });
}

function asCheckpoint(value: unknown, where: string): SignedAuditCheckpoint {
  const c = value as Partial<SignedAuditCheckpoint> | null;
  const valid =
    !!c &&
    Number.isSafeInteger(c.seq) &&
    Number.isSafeInteger(c.count) &&
    typeof c.digest === 'string' &&
    typeof c.at === 'string' &&
    typeof c.signature === 'string';
  if (!valid) throw new Error(`checkpoint ${where} is not { seq, digest, count, at, signature }`);
  return { seq: c.seq!, digest: c.digest!, count: c.count!, at: c.at!, signature: c.signature! };
}
