import type { S3Client } from '@aws-sdk/client-s3';
import type { OnApplicationShutdown } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { EvidenceStorage, storageKey } from './evidence-storage';

export interface S3Location {
  bucket: string;
  region: string;
  /** A custom endpoint (MinIO, Ceph, s3rver, …); such servers are addressed path-style. */
  endpoint?: string;
}

/**
 * The SDK (≈ 20 MB resident) is loaded the first time S3 storage is created, not by every process
 * that imports this lib: an API on local storage never needs it.
 */
type S3Sdk = typeof import('@aws-sdk/client-s3');
let loaded: S3Sdk | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = (): S3Sdk => (loaded ??= require('@aws-sdk/client-s3') as S3Sdk);

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/** Content-addressed objects in an S3-compatible bucket, for several API instances sharing one store. */
export class S3EvidenceStorage extends EvidenceStorage implements OnApplicationShutdown {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {
    super();
  }

  /** Credentials come from the SDK's default chain (environment, shared files, instance roles). */
  static create(location: S3Location): S3EvidenceStorage {
    const client = new (sdk().S3Client)({
      region: location.region,
      endpoint: location.endpoint,
      forcePathStyle: !!location.endpoint,
      // The SHA-256 is sent as a header and checked by S3; the SDK's default streaming checksum
      // trailers (aws-chunked bodies) are not understood by many S3-compatible servers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return new S3EvidenceStorage(client, location.bucket);
  }

  async put(sha256: string, filePath: string, sizeBytes: number): Promise<void> {
    if (await this.exists(sha256)) return;
    await this.s3.send(
      new (sdk().PutObjectCommand)({
        Bucket: this.bucket,
        Key: storageKey(sha256),
        Body: createReadStream(filePath),
        ContentLength: sizeBytes,
        ContentType: 'application/octet-stream',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
  }

  async get(sha256: string): Promise<Readable | null> {
    try {
      const object = await this.s3.send(
        new (sdk().GetObjectCommand)({ Bucket: this.bucket, Key: storageKey(sha256) }),
      );
      return object.Body as Readable;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await this.s3.send(new (sdk().HeadObjectCommand)({ Bucket: this.bucket, Key: storageKey(sha256) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await this.s3.send(new (sdk().DeleteObjectCommand)({ Bucket: this.bucket, Key: storageKey(sha256) }));
  }

  onApplicationShutdown(): void {
    this.s3.destroy();
  }
}
