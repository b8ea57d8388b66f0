/**
 * What the API accepts as evidence (docs/api.md, uploadEvidence): it types files from their bytes, so
 * this list only helps the person pick; the server's 415 stays the final word.
 */
export const EVIDENCE_TYPES = [
  { label: 'PDF', mime: 'application/pdf', extensions: ['.pdf'] },
  { label: 'PNG', mime: 'image/png', extensions: ['.png'] },
  { label: 'JPEG', mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  { label: 'WebP', mime: 'image/webp', extensions: ['.webp'] },
  { label: 'TXT', mime: 'text/plain', extensions: ['.txt'] },
  { label: 'CSV', mime: 'text/csv', extensions: ['.csv'] },
  { label: 'JSON', mime: 'application/json', extensions: ['.json'] },
] as const;

/** EVIDENCE_MAX_BYTES as Redress ships it; a server set lower still answers 413, which the page explains. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 20;

export const EVIDENCE_ACCEPT = EVIDENCE_TYPES.flatMap((type) => [type.mime, ...type.extensions]).join(',');

/** Why a file would be refused before sending it, or null: too big, or not one of the types. */
export function evidenceProblem(file: { name: string; size: number }): 'too_large' | 'wrong_type' | null {
  if (file.size > EVIDENCE_MAX_BYTES) return 'too_large';
  const name = file.name.toLowerCase();
  const known = EVIDENCE_TYPES.some((type) => type.extensions.some((extension) => name.endsWith(extension)));
  return known ? null : 'wrong_type';
}
