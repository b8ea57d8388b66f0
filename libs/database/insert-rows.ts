import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { prepareValue } from 'pg/lib/utils';
import { queryPrepared } from './prepared-query';
import type { Tx } from './unit-of-work';

export interface RowsInsert<T> {
  table: string;
  columns: readonly string[];
  rows: readonly T[];
  /**
   * A row's values in `columns` order. Called as the rows are sent, so with COPY the work of
   * building them (hashes, JSON) overlaps PostgreSQL's writing of the rows before.
   */
  values: (row: T) => readonly unknown[];
  /** e.g. `ON CONFLICT ON CONSTRAINT x DO NOTHING` (fewer than COPY_FROM_ROWS rows only). */
  onConflict?: string;
  /** e.g. `id`: the inserted rows' values come back (fewer than COPY_FROM_ROWS rows only). */
  returning?: string;
}

/**
 * From this many rows on, rows travel by COPY: a ban wave's 25,000 rows as tens of thousands of bind
 * parameters cost PostgreSQL more to parse and plan than to write. Fewer rows take one INSERT … VALUES,
 * which costs a round trip less.
 */
export const COPY_FROM_ROWS = 64;

/**
 * Inserts many rows in the caller's transaction: by COPY from COPY_FROM_ROWS rows on, which knows no
 * ON CONFLICT and no RETURNING, so `onConflict` and `returning` are for fewer rows only.
 */
export async function insertRows<T>(tx: Tx, insert: RowsInsert<T>): Promise<Record<string, unknown>[]> {
  const { table, columns, rows, values, onConflict = '', returning } = insert;
  if (rows.length === 0) return [];
  const tail = `${onConflict}${returning ? ` RETURNING ${returning}` : ''}`;
  if (rows.length >= COPY_FROM_ROWS) {
    if (tail) throw new Error(`insertRows: ${rows.length} rows go by COPY, which cannot ${tail}`);
    await copyInto(tx, table, columns, copyLines(rows, values));
    return [];
  }
  const params: unknown[] = [];
  const tuples = rows.map(
    (row) =>
      `(${values(row)
        .map((v) => `$${params.push(v)}`)
        .join(', ')})`,
  );
  const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${tail}`;
  // a single row, the hot paths' case, is prepared once per connection; other counts would pile up
  return rows.length === 1 ? queryPrepared(tx, text, params) : tx.query(text, params);
}

async function copyInto(tx: Tx, table: string, columns: readonly string[], lines: Iterable<string>) {
  const client = (await tx.queryRunner!.connect()) as PoolClient;
  const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  // one chunk ahead of the socket: the next rows are built while PostgreSQL writes the last ones
  await pipeline(Readable.from(lines, { highWaterMark: 1 }), copy);
}

/** COPY's text format: tab-separated, `\N` for NULL, values as node-postgres would bind them. */
function* copyLines<T>(rows: readonly T[], values: (row: T) => readonly unknown[]): Generator<string> {
  for (let start = 0; start < rows.length; start += COPY_CHUNK_ROWS) {
    const lines = rows
      .slice(start, start + COPY_CHUNK_ROWS)
      .map((row) => values(row).map(copyField).join('\t'));
    yield `${lines.join('\n')}\n`;
  }
}

const COPY_CHUNK_ROWS = 200;

function copyField(value: unknown): string {
  // Dates in UTC ISO-8601 (which timestamptz reads) cost less than node-postgres's local-time format
  const prepared =
    typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : prepareValue(value);
  if (prepared === null || prepared === undefined) return '\\N';
  const text = String(prepared);
  return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]) : text;
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIALS = new RegExp(COPY_SPECIAL, 'g');
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
