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
import { AppealStore } from '@redress/appeals';
import { EvidenceRepository } from '../persistence/evidence.repository';
import { EvidenceStorage } from '../storage/evidence-storage';
import { ContentTypeDetector } from './content-type-detector';
import { UploadSpooler, type SpooledFile } from './upload-spooler';

/** One part of an upload form, as the transport hands it over, in the order it arrived. */
export type UploadPart =
  | { kind: 'field'; name: string; value: unknown }
  | { kind: 'file'; name: string; fileName: string | undefined; content: Readable };

/** The file an upload carried, spooled; `fileName` is the client's, only ever used after sanitising. */
export interface ReceivedFile extends SpooledFile {
  fileName: string | undefined;
}

export interface ReceivedUpload {
  /** Absent when the form had no file part. */
  file: ReceivedFile | undefined;
  /** Every text part by name, as sent: the caller validates them before execute(). */
  fields: Record<string, unknown>;
}

export interface EvidenceUpload {
  file: ReceivedFile | undefined;
  description?: string;
  internal?: boolean;
}

export const EVIDENCE_FILE_PART = 'file';

/**
 * Adds a file to an open appeal in two steps: receive() reads the whole form, the file to a temporary
 * file while hashed and size-limited; execute() types it from its bytes, stores it content-addressed
 * and records it with an audit event under the appeal's lock.
 */
@Injectable()
export class UploadEvidenceUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealStore,
    private readonly evidence: EvidenceRepository,
    private readonly spooler: UploadSpooler,
    private readonly detector: ContentTypeDetector,
    private readonly storage: EvidenceStorage,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads every part of the form before anything is decided, spooling its one file part while the
   * parts after it are read too; the caller discards the spooled file once the request is over.
   */
  async receive(actor: Actor, appealId: string, parts: AsyncIterable<UploadPart>): Promise<ReceivedUpload> {
    // Refuse before receiving up to EVIDENCE_MAX_BYTES for an appeal that cannot take the file.
    const reader = this.uow.reader;
    const audience = uploadingAs(actor);
    const appeal = assertAppealVisible(await this.appeals.findOwnership(reader, appealId), actor, audience);
    assertAcceptsEvidence(appeal, await this.evidence.countForAppeal(reader, appealId));

    let file: ReceivedFile | undefined;
    const fields = new Map<string, unknown>();
    try {
      for await (const part of parts) {
        if (part.kind === 'field') {
          if (fields.has(part.name)) throw sentTwice(part.name);
          fields.set(part.name, part.value);
        } else if (part.name !== EVIDENCE_FILE_PART) {
          throw new DomainError(
            'validation_failed',
            `The file goes in the part named "${EVIDENCE_FILE_PART}"`,
            [{ field: part.name, message: 'is not a file part' }],
          );
        } else if (file) {
          throw sentTwice(part.name);
        } else {
          file = { ...(await this.spooler.spool(part.content)), fileName: part.fileName };
        }
      }
    } catch (error) {
      await file?.discard();
      throw error;
    }
    return { file, fields: Object.fromEntries(fields) };
  }

  /** Stores a received file once its text fields have been validated; the caller discards the spool. */
  async execute(actor: Actor, appealId: string, upload: EvidenceUpload): Promise<Evidence> {
    const audience = uploadingAs(actor);
    assertMayMarkInternal(audience, upload.internal);
    const { file } = upload;
    if (!file) {
      throw new DomainError(
        'validation_failed',
        `Send multipart/form-data with the file in a part named "${EVIDENCE_FILE_PART}"`,
        [{ field: EVIDENCE_FILE_PART, message: 'is required' }],
      );
    }

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
      fileName: evidenceFileName(file.fileName, contentType),
      contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      description: upload.description || null,
      internal: upload.internal ?? false,
      createdAt: this.clock.now(),
    };
    await this.uow.run((tx) => this.record(tx, actor, audience, evidence));
    return evidence;
  }

  private async record(tx: Tx, actor: Actor, audience: EvidenceAudience, evidence: Evidence): Promise<void> {
    const appeal = assertAppealVisible(
      await this.appeals.lockOwnership(tx, evidence.appealId),
      actor,
      audience,
    );
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

const sentTwice = (part: string) =>
  new DomainError('validation_failed', `The form has more than one part named "${part}"`, [
    { field: part, message: 'must be sent once' },
  ]);
