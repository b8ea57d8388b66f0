import type { MultipartModuleOptions } from '@nestjs/platform-fastify/multipart';

/**
 * Limits for the multipart parser of the upload route. The upload spooler counts every byte it
 * writes and refuses the first one past EVIDENCE_MAX_BYTES (413 naming the limit). The parser's own
 * file limit sits a margin above it, as a backstop only: the parser honours back-pressure, so it can
 * never run more than a buffer ahead of the spooler, and the spooler's answer is always the one given.
 */
const BACKSTOP_MARGIN = 1024 * 1024;

export function evidenceUploadOptions(maxBytes: number): MultipartModuleOptions {
  return {
    limits: {
      fileSize: maxBytes + BACKSTOP_MARGIN,
      files: 1,
      fields: 2, // description, internal
      fieldSize: 4 * 1000, // 1,000 characters of up to 4 UTF-8 bytes
      parts: 3,
      headerPairs: 20,
    },
    // Browsers and HTTP clients send file names as raw UTF-8; busboy would read them as Latin-1.
    defParamCharset: 'utf8',
  };
}
