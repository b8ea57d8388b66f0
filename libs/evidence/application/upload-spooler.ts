import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { DomainError } from '@redress/kernel';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface SpooledFile {
  path: string;
  sha256: string;
  sizeBytes: number;
  /** Removes the temporary file (idempotent); storage has its own copy by then, or nothing is kept. */
  discard(): Promise<void>;
}

/**
 * Receives an upload into a temporary file under EVIDENCE_DIR/tmp while hashing it, and stops at the
 * size limit: at most EVIDENCE_MAX_BYTES are ever written, and nothing is held in memory.
 */
@Injectable()
export class UploadSpooler implements OnModuleInit {
  /** Far longer than any upload may take (the server's request timeout is 30 s). */
  private static readonly ABANDONED_AFTER_MS = 60 * 60 * 1000;
  private readonly directory: string;
  private readonly maxBytes: number;

  constructor(config: AppConfig) {
    this.directory = join(resolve(config.env.EVIDENCE_DIR), 'tmp');
    this.maxBytes = config.env.EVIDENCE_MAX_BYTES;
  }

  /** Temporary files left behind by a process that died mid-upload are removed at the next start. */
  async onModuleInit(): Promise<void> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const cutoff = Date.now() - UploadSpooler.ABANDONED_AFTER_MS;
    for (const name of names.filter((n) => n.endsWith('.upload'))) {
      const path = join(this.directory, name);
      const modified = await stat(path).then(
        (s) => s.mtimeMs,
        () => Date.now(),
      );
      if (modified < cutoff) await rm(path, { force: true });
    }
  }

  async spool(upload: Readable): Promise<SpooledFile> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const path = join(this.directory, `${randomUUID()}.upload`);
    const discard = () => rm(path, { force: true });
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const maxBytes = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) return done(tooLarge(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const sink = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    // pipeline() destroys every stream with the first failure, so the first to fail is its origin.
    let failedFirst: 'upload' | 'disk' | undefined = upload.errored ? 'upload' : undefined;
    upload.once('error', () => (failedFirst ??= 'upload'));
    sink.once('error', () => (failedFirst ??= 'disk'));
    try {
      await pipeline(upload, meter, sink);
    } catch (error) {
      // A sink destroyed while still opening creates its file afterwards: remove it only once closed.
      if (!sink.closed) await new Promise<void>((closed) => sink.once('close', () => closed()));
      await discard();
      if (sizeBytes > maxBytes) throw tooLarge(maxBytes);
      // The upload broke off (a truncated body, a client gone): the client's doing, a 400. Errors the
      // multipart parser raises with an HTTP status of their own keep it; disk errors stay 500s.
      if (failedFirst === 'upload' && !hasHttpStatus(error)) throw incomplete();
      throw error;
    }
    if (sizeBytes === 0) {
      await discard();
      throw new DomainError('validation_failed', 'The file is empty', [
        { field: 'file', message: 'is empty' },
      ]);
    }
    return { path, sha256: hash.digest('hex'), sizeBytes, discard };
  }
}

const tooLarge = (maxBytes: number) =>
  new DomainError('payload_too_large', `A file may be at most ${maxBytes} bytes (${formatMiB(maxBytes)})`);

const incomplete = () =>
  new DomainError('validation_failed', 'The upload ended before the file was complete', [
    { field: 'file', message: 'is incomplete' },
  ]);

const hasHttpStatus = (error: unknown) => typeof (error as { getStatus?: unknown })?.getStatus === 'function';

const formatMiB = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
