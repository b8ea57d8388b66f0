import { Module } from '@nestjs/common';
import { AppealsModule } from '@redress/appeals';
import { ContentTypeDetector } from './application/content-type-detector';
import { DownloadEvidenceUseCase } from './application/download-evidence.use-case';
import { ListEvidenceUseCase } from './application/list-evidence.use-case';
import { UploadEvidenceUseCase } from './application/upload-evidence.use-case';
import { UploadSpooler } from './application/upload-spooler';
import { EvidenceRepository } from './persistence/evidence.repository';
import { EvidenceQueries } from './queries/evidence-queries';
import { EvidenceStorage } from './storage/evidence-storage';
import { evidenceStorageProvider } from './storage/evidence-storage.provider';

@Module({
  imports: [AppealsModule],
  providers: [
    evidenceStorageProvider,
    UploadSpooler,
    ContentTypeDetector,
    EvidenceRepository,
    EvidenceQueries,
    UploadEvidenceUseCase,
    ListEvidenceUseCase,
    DownloadEvidenceUseCase,
  ],
  exports: [
    UploadEvidenceUseCase,
    ListEvidenceUseCase,
    DownloadEvidenceUseCase,
    EvidenceQueries,
    EvidenceStorage,
  ],
})
export class EvidenceModule {}
