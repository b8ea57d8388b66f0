/**
 * How the API measures a text (libs/http/trim.ts): trimmed by its one rule (libs/kernel/text.ts), then
 * code points counted without format characters (zero-width joiners, bidi marks, soft hyphens). The page counts the same way, so its live count never disagrees with the server's answer.
 */
import { trimText } from '../../../../libs/kernel/text';

export { trimText };

const FORMAT_CHARACTERS = /\p{Cf}/gu;

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
