import { Injectable } from '@nestjs/common';
import { AuditLog } from '@redress/audit';
import { UnitOfWork, type Tx } from '@redress/database';
import { Clock, DomainError, newId, type Actor } from '@redress/kernel';
import type { Readable } from 'node:stream';
import type { Evidence } from '../domain/evidence';
import {
  assertAcceptsEvidence,
  assertAppealVisible,
  assertMayMarkInternal,
  uploadingAs,
  type EvidenceAudience,
} from '../domain/evidence-access';
import { evidenceFileName } from '../domain/file-name';
import { AppealAccessRepository } from '../persistence/appeal-access.repository';
import { EvidenceRepository } from '../persistence/evidence.repository';
import { EvidenceStorage } from '../storage/evidence-storage';
import { ContentTypeDetector } from './content-type-detector';
import { UploadSpooler } from './upload-spooler';

export interface EvidenceUpload {
  /** The file's bytes as they arrive (absent when the request had no file part); trusted in nothing. */
  content: Readable | undefined;
  /** The name the client gave, only ever used after sanitising. */
  fileName: string | undefined;
  description?: string;
  internal?: boolean;
}

/**
 * Adds a file to an open appeal: received to a temporary file while hashed and size-limited, typed
 * from its bytes, stored content-addressed, then recorded with an audit event under the appeal's lock.
 */
@Injectable()
export class UploadEvidenceUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealAccessRepository,
    private readonly evidence: EvidenceRepository,
    private readonly spooler: UploadSpooler,
    private readonly detector: ContentTypeDetector,
    private readonly storage: EvidenceStorage,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, appealId: string, upload: EvidenceUpload): Promise<Evidence> {
    const audience = uploadingAs(actor);
    assertMayMarkInternal(audience, upload.internal);
    // Refuse before receiving up to EVIDENCE_MAX_BYTES for an appeal that cannot take the file.
    const reader = this.uow.reader;
    const appeal = assertAppealVisible(await this.appeals.find(reader, appealId), actor, audience);
    assertAcceptsEvidence(appeal, await this.evidence.countForAppeal(reader, appealId));
    if (!upload.content) {
      throw new DomainError(
        'validation_failed',
        'Send multipart/form-data with the file in a part named "file"',
        [{ field: 'file', message: 'is required' }],
      );
    }

    const file = await this.spooler.spool(upload.content);
    try {
      const contentType = await this.detector.detect(file.path);
      // Stored before the row exists, so no row ever names missing bytes. Should the transaction below
      // refuse (the appeal closed or filled up meanwhile), the content is left unreferenced: it is
      // content-addressed, may be shared with other rows, and so is never deleted on this path.
      await this.storage.put(file.sha256, file.path, file.sizeBytes);
      const evidence: Evidence = {
        id: newId(),
        appealId,
        submittedBy: audience,
        submittedBySub: actor.sub,
        fileName: evidenceFileName(upload.fileName, contentType),
        contentType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        description: upload.description || null,
        internal: upload.internal ?? false,
        createdAt: this.clock.now(),
      };
      await this.uow.run((tx) => this.record(tx, actor, audience, evidence));
      return evidence;
    } finally {
      await file.discard();
    }
  }

  private async record(tx: Tx, actor: Actor, audience: EvidenceAudience, evidence: Evidence): Promise<void> {
    const appeal = assertAppealVisible(await this.appeals.lock(tx, evidence.appealId), actor, audience);
    const filesSoFar = await this.evidence.countForAppeal(tx, appeal.id);
    assertAcceptsEvidence(appeal, filesSoFar);
    await this.evidence.insert(tx, evidence, filesSoFar + 1);
    await this.audit.append(tx, {
      actor,
      action: 'evidence.uploaded',
      entityType: 'appeal',
      entityId: appeal.id,
      at: evidence.createdAt,
      // metadata only: evidence content and descriptions stay out of the audit trail
      data: {
        evidenceId: evidence.id,
        submittedBy: evidence.submittedBy,
        fileName: evidence.fileName,
        contentType: evidence.contentType,
        sizeBytes: evidence.sizeBytes,
        sha256: evidence.sha256,
        internal: evidence.internal,
      },
    });
  }
}
