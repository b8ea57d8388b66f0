/**
 * How the API measures a text (libs/http/trim.ts): trimmed of white space and U+200B/U+200E/U+FEFF at
 * both ends, then code points counted without format characters (zero-width joiners, bidi marks, soft
 * hyphens). The page counts the same way, so its live count never disagrees with the server's answer.
 */
const EDGE = /[\p{White_Space}\u200B\u200E\uFEFF]/u;
const FORMAT_CHARACTERS = /\p{Cf}/gu;

export function trimText(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && EDGE.test(value[start])) start += 1;
  while (end > start && EDGE.test(value[end - 1])) end -= 1;
  return value.slice(start, end);
}

export function visibleLength(value: string): number {
  return [...trimText(value).replace(FORMAT_CHARACTERS, '')].length;
}

export const STATEMENT_MIN = 20;
export const STATEMENT_MAX = 10_000;
export const MESSAGE_MAX = 5_000;

export type LengthState = 'short' | 'ok' | 'long';

export function lengthState(value: string, min: number, max: number): LengthState {
  const length = visibleLength(value);
  return length < min ? 'short' : length > max ? 'long' : 'ok';
}
