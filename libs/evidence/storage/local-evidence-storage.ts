import { randomUUID } from 'node:crypto';
import { chmod, copyFile, link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { EvidenceStorage, storageKey } from './evidence-storage';

const errorCode = (error: unknown) => (error as { code?: string }).code;

/** Content-addressed files under EVIDENCE_DIR (`ab/cd/<sha256>`), a folder the API never serves. */
export class LocalEvidenceStorage extends EvidenceStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(sha256: string, filePath: string): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    try {
      // A hard link is atomic and copies nothing; EEXIST means these bytes are already stored.
      await link(filePath, target);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return;
      await this.copyInto(filePath, target); // another file system, or one without hard links
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Where a hash lives on disk (tests corrupt files through it). */
  pathOf(sha256: string): string {
    return join(this.root, ...storageKey(sha256).split('/'));
  }

  /** Copy beside the target, then rename: readers never see a half-written file. */
  private async copyInto(source: string, target: string): Promise<void> {
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await copyFile(source, partial);
      await chmod(partial, 0o600);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }
}
