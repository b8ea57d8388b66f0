import { Transform } from 'class-transformer';

/** Strings are trimmed before they are length-checked (SPEC §1). */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
