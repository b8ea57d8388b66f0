import { DomainError } from './domain-error';
import { isUuid } from './ids';

/** A keyset page of a list: the rows and the cursor of the next page (null on the last). */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The type of each part of a keyset cursor; a forged cursor is a 400, never a failed cast in SQL. A
 * range stands for an integer the query casts to a narrower type (an appeal's priority, 0–100); text is
 * any string of at most 1,000 characters (a name).
 */
export type CursorPart = 'number' | 'timestamp' | 'uuid' | 'text' | { min: number; max: number };

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An instant PostgreSQL takes as it is written: no year 0, no 30 February, no hour 24, offsets within ±15:59. */
function isTimestamp(value: unknown): boolean {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes <= 59
  );
}

const isSafeInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

function isValidPart(part: CursorPart, value: unknown): boolean {
  if (typeof part === 'object') return isSafeInteger(value) && value >= part.min && value <= part.max;
  if (part === 'number') return isSafeInteger(value);
  if (part === 'text') return typeof value === 'string' && value.length <= 1000;
  return part === 'timestamp' ? isTimestamp(value) : isUuid(value);
}

export function decodeCursor(
  cursor: string | undefined,
  shape: readonly CursorPart[],
): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every((value, i) => isValidPart(shape[i], value))
    ) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('validation_failed', 'cursor is not valid', [
    { field: 'cursor', message: 'cursor is not valid' },
  ]);
}

/**
 * A timestamp column as cursor text at full (microsecond) precision: a JS Date would cut it to
 * milliseconds, and rows within the same millisecond would then be skipped between pages.
 */
export const cursorTimestamp = (column: string): string => `${column}::text`;

/** Fetch limit + 1 rows; the extra row only tells whether there is a next page. */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  map: (row: Row) => T,
  keyOf: (row: Row) => (string | number)[],
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    data: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}
