import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Timestamp columns that key a cursor-paged list and default to the database clock. */
const KEYSET_COLUMNS: [table: string, column: string][] = [
  ['waves', 'created_at'],
  ['refunds', 'created_at'],
  ['evidence', 'created_at'],
  ['appeal_messages', 'created_at'],
  ['notifications', 'created_at'],
];

/**
 * Keyset cursors carry timestamps through JavaScript Dates, which hold milliseconds; PostgreSQL's
 * now() has microseconds, so rows inside one millisecond could be skipped between pages. Defaults are
 * cut to milliseconds, as the timestamps the application writes already are.
 */
export class MillisecondCursorTimestamps1763700000006 implements MigrationInterface {
  name = 'MillisecondCursorTimestamps1763700000006';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of KEYSET_COLUMNS) {
      await q.query(
        `ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT date_trunc('milliseconds', now())`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of KEYSET_COLUMNS) {
      await q.query(`ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT now()`);
    }
  }
}
