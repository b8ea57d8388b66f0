import type { MigrationInterface, QueryRunner } from 'typeorm';

// The evidence allow-list; the TypeScript twin is EVIDENCE_CONTENT_TYPES in libs/evidence/domain.
const CONTENT_TYPES = `'application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'text/plain', 'text/csv', 'application/json'`;

export class Evidence1763700000002 implements MigrationInterface {
  name = 'Evidence1763700000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence (
        id               uuid PRIMARY KEY,
        appeal_id        uuid NOT NULL REFERENCES appeals (id),
        -- 1..20 in upload order: with the unique constraint below, the database itself refuses a 21st file
        position         smallint NOT NULL CHECK (position BETWEEN 1 AND 20),
        submitted_by     text NOT NULL CHECK (submitted_by IN ('appellant', 'staff', 'system')),
        submitted_by_sub text NOT NULL CHECK (char_length(submitted_by_sub) BETWEEN 1 AND 255),
        -- sanitised names only: no path separators, control or invisible/bidi characters
        file_name        text NOT NULL CHECK (
          char_length(file_name) BETWEEN 1 AND 200
          AND file_name !~ '[[:cntrl:]/\\\\]'
          AND file_name !~ '[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]'),
        content_type     text NOT NULL CHECK (content_type IN (${CONTENT_TYPES})),
        size_bytes       bigint NOT NULL CHECK (size_bytes > 0),
        sha256           char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        description      text CHECK (char_length(description) BETWEEN 1 AND 1000),
        internal         boolean NOT NULL DEFAULT false,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evidence_position_unique UNIQUE (appeal_id, position),
        CONSTRAINT evidence_appellant_public CHECK (submitted_by <> 'appellant' OR NOT internal)
      );
      CREATE INDEX evidence_appeal ON evidence (appeal_id, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence;`);
  }
}
