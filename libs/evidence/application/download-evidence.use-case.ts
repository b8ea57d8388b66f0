import { Injectable, Logger } from '@nestjs/common';
import { DomainError, newId, type Actor } from '@redress/kernel';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Evidence } from '../domain/evidence';
import { mayViewEvidence } from '../domain/evidence-access';
import { EvidenceQueries } from '../queries/evidence-queries';
import { EvidenceStorage } from '../storage/evidence-storage';

/**
 * Hands out an evidence file only after checking its stored bytes against the SHA-256 recorded at
 * upload: a corrupted or missing file is logged as an integrity error and never served. Files are
 * at most EVIDENCE_MAX_BYTES, so reading them twice (verify, then send) costs little.
 */
@Injectable()
export class DownloadEvidenceUseCase {
  private readonly logger = new Logger('EvidenceIntegrity');

  constructor(
    private readonly queries: EvidenceQueries,
    private readonly storage: EvidenceStorage,
  ) {}

  async execute(actor: Actor, evidenceId: string): Promise<{ evidence: Evidence; content: Readable }> {
    const found = await this.queries.get(evidenceId);
    if (!found || !mayViewEvidence(actor, found.evidence, found.appealAccountId)) {
      throw DomainError.notFound('Evidence');
    }
    const { evidence } = found;

    const stored = await this.digest(evidence.sha256);
    if (stored?.sha256 !== evidence.sha256 || stored.sizeBytes !== evidence.sizeBytes) {
      throw this.integrityError(evidence, stored);
    }
    const content = await this.storage.get(evidence.sha256);
    if (!content) throw this.integrityError(evidence, null);
    return { evidence, content };
  }

  private async digest(sha256: string): Promise<{ sha256: string; sizeBytes: number } | null> {
    const content = await this.storage.get(sha256);
    if (!content) return null;
    const hash = createHash('sha256');
    let sizeBytes = 0;
    for await (const chunk of content as AsyncIterable<Buffer>) {
      hash.update(chunk);
      sizeBytes += chunk.length;
    }
    return { sha256: hash.digest('hex'), sizeBytes };
  }

  private integrityError(
    evidence: Evidence,
    stored: { sha256: string; sizeBytes: number } | null,
  ): DomainError {
    const errorId = newId();
    this.logger.error(
      {
        errorId,
        evidenceId: evidence.id,
        appealId: evidence.appealId,
        expected: { sha256: evidence.sha256, sizeBytes: evidence.sizeBytes },
        stored: stored ?? 'missing',
      },
      'evidence integrity error: the stored content does not match its recorded SHA-256; not served',
    );
    return new DomainError(
      'internal_error',
      `The stored file failed its integrity check and was not served. Quote error id ${errorId} when reporting it.`,
    );
  }
}
