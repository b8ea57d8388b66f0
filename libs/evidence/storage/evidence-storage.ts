import type { Readable } from 'node:stream';

/**
 * Where evidence bytes live, content-addressed by their SHA-256 (lower-case hex): identical files are
 * stored once, and a key can never point at other bytes than the ones it names. Implementations:
 * local disk (one instance) and an S3-compatible bucket (any number of instances).
 */
export abstract class EvidenceStorage {
  /** Stores a complete local file under its hash; storing the same content again changes nothing. */
  abstract put(sha256: string, filePath: string, sizeBytes: number): Promise<void>;
  /** The stored bytes, or null when nothing is stored under that hash. */
  abstract get(sha256: string): Promise<Readable | null>;
  abstract exists(sha256: string): Promise<boolean>;
  /** Removes the content (idempotent). Content is shared between evidence rows: check references first. */
  abstract delete(sha256: string): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** `ab/cd/abcd…`: a fan-out that keeps directories (or listing prefixes) small. */
export function storageKey(sha256: string): string {
  // The key becomes a path: refuse anything that is not exactly a hash.
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
