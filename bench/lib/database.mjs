// The run's throwaway database: created and migrated with Redress's own migrate(), dropped at the end.
import pg from 'pg';
import { ROOT, require } from './context.mjs';

/**
 * Ids of seeded rows are deterministic, so the load process can name them without asking the
 * database: `b<kind>000000-0000-4000-8000-<n as 12 hex digits>` (a valid v4-shaped UUID). Ascending
 * in n, which also keeps the primary-key b-trees appending while a million rows go in.
 */
export const SEED = { filingSuspension: 1, queueSuspension: 2, queueAppeal: 3, auditEntity: 4 };
export const seedId = (kind, n) => `b${kind}000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const seedIdSql = (kind, n) =>
  `('b${kind}000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

export async function createDatabase(ctx) {
  const { migrate } = require(`${ROOT}/dist/libs/database/index.js`);
  const { loadConfig } = require(`${ROOT}/dist/libs/config/index.js`);
  await migrate(loadConfig({ DATABASE_URL: ctx.databaseUrl, AUTH_JWT_SECRET: ctx.jwtSecret }));
  return new pg.Pool({ connectionString: ctx.databaseUrl, max: 4, application_name: 'redress-bench' });
}

export async function dropDatabase(ctx) {
  const admin = new pg.Client({ connectionString: ctx.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${ctx.databaseName}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Seeding writes nothing a crash could lose that matters, so it skips the WAL flush at each commit. */
export async function seedQuery(db, sql, params = []) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    const result = await client.query(sql, params);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function scalar(db, sql, params = []) {
  const { rows } = await db.query(sql, params);
  return rows[0] ? Object.values(rows[0])[0] : undefined;
}

/**
 * Active suspensions without a wave, each its own account (`<prefix><n>`), appealable for months.
 * Seeded directly (no notices, no audit, no ledger entries). `frozenSql` (an expression of n) spreads
 * appeal priorities over the queue; nothing in the benchmark lifts these, so no release ever meets a
 * freeze that was never posted.
 */
export function seedSuspensions(db, { kind, from, count, accountPrefix, frozenSql = '0' }) {
  return seedQuery(
    db,
    `INSERT INTO suspensions (id, account_id, source, external_ref, status, reason_code, policy_clause,
                              statement_of_reasons, automated_detection, automated_decision, frozen_amount_minor,
                              currency, account_email, suspended_at, appeal_deadline, payload_hash, created_at)
     SELECT ${seedIdSql(kind, 'n')}, $3 || n, 'bench-seed', $3 || n, 'active',
            (ARRAY['model_distillation','automated_extraction','tos_rival_training','region_restriction',
                   'account_sharing','payment_fraud','spam','other'])[1 + n % 8],
            'Terms of Service §4.2', 'Seeded by the benchmark: distillation-shaped traffic over three days.',
            n % 3 <> 0, n % 3 <> 0, ${frozenSql}, 'USD', $3 || n || '@example.com',
            now() - interval '1 day', now() + interval '170 days', repeat('0', 64), now()
       FROM generate_series($1::bigint, $1::bigint + $2::bigint - 1) AS n`,
    [from, count, accountPrefix],
  );
}
