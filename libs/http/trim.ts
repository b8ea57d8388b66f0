import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, ValidateBy } from 'class-validator';

// Unicode white space and the invisible U+200B, U+200E, U+FEFF, which the EU Transparency Database trims too.
const EDGE = /[\p{White_Space}\u200B\u200E\uFEFF]/u;

/**
 * Every text is trimmed of EDGE characters before its rules run. A loop from both ends, not
 * a regular expression: `\s+$` backtracks quadratically over a long run of spaces inside the text.
 */
export function trimText(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && EDGE.test(value[start])) start += 1;
  while (end > start && EDGE.test(value[end - 1])) end -= 1;
  return value.slice(start, end);
}

const FORMAT_CHARACTERS = /\p{Cf}/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;

/** Length rules count code points, leaving out format characters (Cf: zero-width spaces and joiners, bidi marks, BOM, soft hyphen). */
export function visibleLength(value: string): number {
  const visible = value.replace(FORMAT_CHARACTERS, '');
  // lone surrogates never get this far (requestInputGuard), so each high surrogate starts a pair
  return visible.length - (visible.match(HIGH_SURROGATE)?.length ?? 0);
}

/** Why a text's visible length breaks min…max, or null when it does not. */
export function textLengthProblem(value: string, min: number, max: number): string | null {
  const length = visibleLength(value);
  if (length < min) return `must be at least ${min} characters long (invisible characters do not count)`;
  if (length > max) return `must be at most ${max} characters long (invisible characters do not count)`;
  return null;
}

/** Trims a string (trimText) before it is checked; other values are left for the validators to refuse. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? trimText(value) : value));

/** A text field: trimmed, a string, and min…max visible characters long. */
export const TrimmedText = (min: number, max: number): PropertyDecorator =>
  applyDecorators(
    Trim(),
    IsString(),
    ValidateBy({
      name: 'textLength',
      constraints: [min, max],
      validator: {
        // a value that is not a string is IsString's to refuse
        validate: (value: unknown) => typeof value !== 'string' || !textLengthProblem(value, min, max),
        defaultMessage: (args) => `${args?.property} ${textLengthProblem(args?.value as string, min, max)}`,
      },
    }),
  );
