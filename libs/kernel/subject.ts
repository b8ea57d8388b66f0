/**
 * Subjects (a token's `sub`) and account ids are compared exactly for ownership and case-folded for
 * four-eyes, so they must have one spelling: no white space, control or format (invisible) characters,
 * no lone surrogates, and already NFKC-normal (a full-width `ｄｕａｌ_1` is refused, not folded).
 */
const FORBIDDEN_CHARACTERS = /[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}]/u;
export const MAX_SUBJECT_LENGTH = 255;

/** The worker's own subject in audit events; no token may claim it. */
export const RESERVED_SUBJECTS: readonly string[] = ['system'];

/** Why `value` cannot identify a principal or an account, or null when it can. */
export function identifierProblem(value: string): string | null {
  if (value.length === 0 || value.length > MAX_SUBJECT_LENGTH)
    return `must be 1–${MAX_SUBJECT_LENGTH} characters`;
  if (FORBIDDEN_CHARACTERS.test(value))
    return 'must not contain white space, control or invisible characters';
  if (value.normalize('NFKC') !== value) return 'must be in Unicode normal form NFKC';
  return null;
}

/** As identifierProblem, and a token may not name a reserved subject in any case. */
export function subjectProblem(value: string): string | null {
  const problem = identifierProblem(value);
  if (problem) return problem;
  return RESERVED_SUBJECTS.includes(foldSubject(value)) ? 'is reserved' : null;
}

/** The case-folded form two principals are compared in for four-eyes (so `DUAL_1` is `dual_1`). */
export const foldSubject = (value: string): string => value.toUpperCase().toLowerCase();

/** True when both subjects name the same principal for four-eyes purposes. */
export const sameSubject = (a: string, b: string): boolean => foldSubject(a) === foldSubject(b);
