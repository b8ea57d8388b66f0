/**
 * Statements go to a public EU database, so free text written by enforcement staff must lose
 * anything that identifies the person before it leaves Redress.
 */

export const EMAIL_REDACTED = '[email redacted]';
export const ACCOUNT_REDACTED = '[account redacted]';

/**
 * Deliberately broad: any run of non-space characters around an "@" is treated as an address.
 * Over-redacting a handle like "@support" costs nothing; leaking an unusual address is a breach.
 * Trailing dots are kept outside the match so a sentence-final "." survives.
 */
const EMAIL_LIKE = /[^\s<>()[\]{},;]*@[^\s<>()[\]{},;@]*[^\s<>()[\]{},;@.]|[^\s<>()[\]{},;]+@/gu;

export interface PersonalData {
  accountId: string;
  accountEmail: string;
}

export function redactPersonalData(text: string, who: PersonalData): string {
  let out = text.replace(EMAIL_LIKE, EMAIL_REDACTED);
  out = replaceLiteral(out, who.accountEmail, EMAIL_REDACTED);
  return replaceLiteral(out, who.accountId, ACCOUNT_REDACTED);
}

/**
 * Case-insensitive and without word boundaries, so an id embedded in "user-<id>-prod" goes too.
 * A very short id would shred ordinary words that merely contain it, so those are only removed
 * where they stand as a token of their own.
 */
function replaceLiteral(text: string, needle: string, marker: string): string {
  const trimmed = needle.trim();
  if (trimmed === '') return text;
  const escaped = trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = trimmed.length < 4 ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])` : escaped;
  return text.replace(new RegExp(pattern, 'giu'), marker);
}

/** Cuts on a code-point boundary and marks the cut, so a reader knows text is missing. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
