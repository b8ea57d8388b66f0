import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToAppRole } from './app-role';

/**
 * One-time access links (docs/api.md, "Access links"): a row per link e-mailed to an account holder,
 * kept as the SHA-256 of its token only, so a copy of the database opens no account; `used_at` is set
 * once, by the exchange. Suspensions are found by their account's e-mail address, in any case.
 */
export class AccessLinks1763700000014 implements MigrationInterface {
  name = 'AccessLinks1763700000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_links (
        id            uuid PRIMARY KEY,
        token_hash    char(64) NOT NULL UNIQUE,
        account_id    text NOT NULL,
        suspension_id uuid REFERENCES suspensions (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        used_at       timestamptz,
        CONSTRAINT access_links_expire_after_creation CHECK (expires_at > created_at)
      );
      CREATE INDEX suspensions_account_email ON suspensions (lower(account_email));
    `);
    await grantToAppRole(q, ['access_links'], 'SELECT, INSERT, UPDATE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX suspensions_account_email; DROP TABLE access_links;`);
  }
}
