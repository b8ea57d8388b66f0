import type { Provider } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { resolve } from 'node:path';
import { EvidenceStorage } from './evidence-storage';
import { LocalEvidenceStorage } from './local-evidence-storage';
import { S3EvidenceStorage } from './s3-evidence-storage';

/** S3 when EVIDENCE_S3_BUCKET is set (several instances share it), the local disk otherwise. */
export const evidenceStorageProvider: Provider = {
  provide: EvidenceStorage,
  inject: [AppConfig],
  useFactory: ({ env }: AppConfig): EvidenceStorage =>
    env.EVIDENCE_S3_BUCKET
      ? S3EvidenceStorage.create({
          bucket: env.EVIDENCE_S3_BUCKET,
          region: env.EVIDENCE_S3_REGION,
          endpoint: env.EVIDENCE_S3_ENDPOINT,
        })
      : new LocalEvidenceStorage(resolve(env.EVIDENCE_DIR)),
};
