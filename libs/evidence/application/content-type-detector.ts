import { Injectable } from '@nestjs/common';
import { DomainError } from '@redress/kernel';
import { fileTypeFromFile } from 'file-type';
import { readFile } from 'node:fs/promises';
import type { EvidenceContentType } from '../domain/evidence';
import { classifyText } from '../domain/text-kind';

const BINARY_TYPES = new Set<string>(['application/pdf', 'image/png', 'image/jpeg', 'image/webp']);
const ALLOWED = 'PDF, PNG, JPEG, WebP, plain text, CSV or JSON';

/**
 * The type of a received file, from its bytes alone: a binary signature (file-type) first, then a
 * UTF-8 text / CSV / JSON check for files without one. What the client claimed is never consulted.
 */
@Injectable()
export class ContentTypeDetector {
  /** `path` is a complete file within the upload limit, so reading it whole for the text check is bounded. */
  async detect(path: string): Promise<EvidenceContentType> {
    const signature = await fileTypeFromFile(path);
    if (signature) {
      if (BINARY_TYPES.has(signature.mime)) return signature.mime as EvidenceContentType;
      throw unsupported(`its content is ${signature.mime}`);
    }
    const text = classifyText(await readFile(path));
    if (text) return text;
    throw unsupported('its content is not a recognised document, image or UTF-8 text');
  }
}

const unsupported = (why: string) =>
  new DomainError('unsupported_media_type', `Evidence must be ${ALLOWED}; ${why}`);
