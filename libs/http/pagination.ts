import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError, isUuid } from '@redress/kernel';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The type of each part of a keyset cursor; a forged cursor is a 400, never a failed cast in SQL. */
export type CursorPart = 'number' | 'timestamp' | 'uuid';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;
const VALID: Record<CursorPart, (v: unknown) => boolean> = {
  number: (v) => typeof v === 'number' && Number.isSafeInteger(v),
  timestamp: (v) =>
    typeof v === 'string' &&
    TIMESTAMP.test(v) &&
    !Number.isNaN(Date.parse(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'))),
  uuid: (v) => isUuid(v),
};

export function decodeCursor(
  cursor: string | undefined,
  shape: readonly CursorPart[],
): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => VALID[shape[i]](part))) {
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
