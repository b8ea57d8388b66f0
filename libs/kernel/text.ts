/**
 * The one trimming rule for every text Redress takes in or publishes. It is the EU DSA Transparency
 * Database's own (Laravel's TrimStrings middleware, then ConvertEmptyStringsToNull): white space as
 * PCRE's Unicode `\s` knows it (the White_Space property plus U+180E), U+200B, U+200E, U+FEFF and NUL
 * at both ends. So a text that passes intake can never reach the Commission as an empty field.
 */
const EDGE = /[\p{White_Space}\u180E\u200B\u200E\uFEFF\0]/u;

/** A loop from both ends, not a regular expression: `\s+$` backtracks quadratically over long runs of spaces. */
export function trimText(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && EDGE.test(value[start])) start += 1;
  while (end > start && EDGE.test(value[end - 1])) end -= 1;
  return value.slice(start, end);
}

/** Length as the Commission's validator counts it (PHP's mb_strlen): Unicode code points, not UTF-16 units. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}
