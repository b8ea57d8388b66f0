import type { EvidenceContentType } from './evidence';

export const MAX_FILE_NAME_LENGTH = 200;
const FALLBACK_NAME = 'evidence';

/** Extensions that agree with each detected type; the first is the one added when the name has none of them. */
const EXTENSIONS: Record<EvidenceContentType, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/webp': ['webp'],
  'text/plain': ['txt', 'text', 'log', 'md', 'csv', 'tsv', 'json'],
  'text/csv': ['csv', 'txt'],
  'application/json': ['json', 'txt'],
};

// Control, format (bidi overrides such as U+202E, zero-width characters, soft hyphen), private-use and
// unassigned code points: none has a place in a name shown to people, and several exist to mislead them.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;
// Characters Windows refuses in file names; replaced so a downloaded file saves everywhere as shown.
const RESERVED = /[<>:"|?*]/g;
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

/**
 * A client's file name made safe to store, show and send back in Content-Disposition: the last path
 * component only, NFC, no control or invisible characters, whitespace collapsed, no leading or
 * trailing dots, at most 200 characters with the extension kept; `evidence` when nothing is left.
 */
export function sanitiseFileName(raw: string | undefined | null): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/\s+/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  return clean ? bounded(clean) : FALLBACK_NAME;
}

/** The stored name: sanitised, and ending in an extension that matches the type detected from the bytes. */
export function evidenceFileName(raw: string | undefined | null, contentType: EvidenceContentType): string {
  const name = sanitiseFileName(raw);
  const extension = EXTENSION.exec(name)?.[1]?.toLowerCase();
  const allowed = EXTENSIONS[contentType];
  return extension && allowed.includes(extension) ? name : bounded(`${name}.${allowed[0]}`);
}

/** Cuts by code points, never through a surrogate pair, keeping a short extension. */
function bounded(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const stem = chars
    .slice(0, MAX_FILE_NAME_LENGTH - extension.length)
    .join('')
    .replace(/[\s.]+$/u, '');
  return `${stem || FALLBACK_NAME}${extension}`;
}
