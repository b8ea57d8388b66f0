/**
 * Limits for the multipart parser of the upload route. The upload spooler counts every byte it
 * writes and refuses the first one past EVIDENCE_MAX_BYTES (413 naming the limit). The parser's own
 * file limit sits a margin above it, as a backstop only: the parser honours back-pressure, so it can
 * never run more than a buffer ahead of the spooler, and the spooler's answer is always the one given.
 */
const BACKSTOP_MARGIN = 1024 * 1024;
// Parts past these counts are refused wholesale; below them each is read and named in the 400.
const MAX_FILES = 2; // the one file, and a second one to refuse by name
const MAX_FIELDS = 10; // description and internal, and room to name the unknown ones

export function evidenceUploadOptions(maxBytes: number) {
  return {
    limits: {
      fileSize: maxBytes + BACKSTOP_MARGIN,
      files: MAX_FILES,
      fields: MAX_FIELDS,
      fieldSize: 4 * 1000, // 1,000 characters of up to 4 UTF-8 bytes
      parts: MAX_FILES + MAX_FIELDS,
      headerPairs: 20,
    },
    // Browsers and HTTP clients send file names as raw UTF-8; busboy would read them as Latin-1.
    defParamCharset: 'utf8',
  };
}
