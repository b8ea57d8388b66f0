import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, ValidateBy } from 'class-validator';
import { trimText } from '@redress/kernel';

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

/** Trims a string (trimText, the Transparency Database's own rule) before it is checked; other values are left for the validators to refuse. */
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
