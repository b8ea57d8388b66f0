// Scenario: the full audit verification (each entity's chain, the global chain, every signed
// checkpoint) at 1,000,000 audit events, through GET /v1/audit/verify and as the outsider's script
// (dist/scripts/audit-verify.js) runs it. The events are seeded with set-based SQL, their hashes
// computed by PostgreSQL exactly as auditHash computes them (two-event chains, so every second event
// names a predecessor); the worker links them through its real passes, then one forced checkpoint
// signs the lot.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bearer, ROOT } from '../lib/context.mjs';
import { scalar, SEED, seedIdSql, seedQuery } from '../lib/database.mjs';
import { log, pollUntil } from '../lib/progress.mjs';

const EVENTS = 1_000_000;
const SEED_BATCH = 100_000;

// Event n: entity (n + 1) / 2, first event when n is odd; RFC 8785 keys in order, as canonicalAuditEvent writes them.
const entity = (n) => `${seedIdSql(SEED.auditEntity, `((${n}) + 1) / 2`)}::text`;
const action = (n) => `CASE WHEN (${n}) % 2 = 1 THEN 'bench.seeded' ELSE 'bench.touched' END`;
const at = (n) => `(timestamptz '2026-01-01 00:00:00+00' + (${n}) * interval '1 millisecond')`;
const canonical = (n) =>
  `'{"action":"' || ${action(n)} || '","actor":{"roles":["enforcement"],"sub":"bench-seed"},"at":"' ||
   to_char(${at(n)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","data":{"n":' || (${n}) ||
   '},"entityId":"' || ${entity(n)} || '","entityType":"bench"}'`;
const sha256 = (text) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;
const GENESIS = `repeat('0', 64)`;
const execFileAsync = promisify(execFile);

/** `count` events in two-event chains, a batch per statement, hashed by PostgreSQL. */
export async function seedAuditEvents(db, count) {
  for (let from = 1; from <= count; from += SEED_BATCH) {
    await seedQuery(
      db,
      `INSERT INTO audit_events (at, actor_sub, actor_roles, action, entity_type, entity_id, data, prev_hash, hash)
       SELECT ${at('n')}, 'bench-seed', '{enforcement}', ${action('n')}, 'bench', ${entity('n')},
              jsonb_build_object('n', n), prev, ${sha256(`prev || ${canonical('n')}`)}
         FROM (SELECT n, CASE WHEN n % 2 = 1 THEN ${GENESIS} ELSE ${sha256(`${GENESIS} || ${canonical('n - 1')}`)} END AS prev
                 FROM generate_series($1::bigint, $2::bigint) AS n) s
        ORDER BY n`,
      [from, Math.min(count, from + SEED_BATCH - 1)],
    );
  }
}

export async function auditVerify(env) {
  const { ctx, db, api, report } = env;
  const existing = await scalar(db, 'SELECT count(*)::int FROM audit_events');
  const count = Math.max(0, EVENTS - existing);
  log(
    `audit verify: seeding ${count.toLocaleString('en-US')} events beside ${existing.toLocaleString('en-US')}`,
  );
  const seedStarted = Date.now();
  await seedAuditEvents(db, count);
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  log(`  seeded in ${seedSeconds.toFixed(1)} s`);

  const linkSeconds = await pollUntil(
    'linking (the worker)',
    async () => {
      const { rows } = await db.query(
        `SELECT s.linked_count::int AS linked, (SELECT count(*)::int FROM audit_events) AS events
           FROM audit_chain_state s`,
      );
      return {
        done: rows[0].linked >= rows[0].events,
        status: `${rows[0].linked} of ${rows[0].events} linked`,
      };
    },
    { intervalMs: 1000, timeoutMs: 10 * 60_000 },
  );

  const admin = bearer(ctx.jwtSecret, 'bench-admin', 'admin');
  const checkpoint = await (
    await fetch(`${api.url}/v1/audit/checkpoints`, { method: 'POST', headers: admin })
  ).json();
  const intact = (result) => result?.ok === true && result.checked === checkpoint.count;
  const scenario = `audit verify (${(existing + count).toLocaleString('en-US')} events)`;

  // the route answers within the API's idle-connection bound (HTTP_CONNECTION_TIMEOUT_MS) or not at all
  let verifyStarted = Date.now();
  const verified = await fetch(`${api.url}/v1/audit/verify`, { headers: admin })
    .then((res) => res.json())
    .catch((error) => ({ error: error.cause?.code ?? error.message }));
  const verifySeconds = verified.error ? null : (Date.now() - verifyStarted) / 1000;
  log(
    `  GET /v1/audit/verify: ${JSON.stringify(verified)} in ${((Date.now() - verifyStarted) / 1000).toFixed(1)} s`,
  );
  report.add({
    scenario,
    figure: 'GET /v1/audit/verify, full walk',
    unit: 's',
    redress: verifySeconds,
    met: intact(verified),
  });

  // the same walk as an outsider runs it: the built script against the database, with the public key
  const keyFile = join(env.logDir, 'audit-public-key.pem');
  writeFileSync(
    keyFile,
    await (await fetch(`${api.url}/v1/audit/checkpoints/public-key`, { headers: admin })).text(),
  );
  verifyStarted = Date.now();
  const { stdout } = await execFileAsync(
    process.execPath,
    ['dist/scripts/audit-verify.js', '--database-url', ctx.databaseUrl, '--public-key', keyFile],
    { cwd: ROOT },
  );
  const outsider = JSON.parse(stdout);
  const outsiderSeconds = (Date.now() - verifyStarted) / 1000;
  log(`  npm run audit:verify: ${stdout.trim()} in ${outsiderSeconds.toFixed(1)} s`);
  report.add({
    scenario,
    figure: 'audit:verify script, full walk',
    unit: 's',
    redress: outsiderSeconds,
    met: intact(outsider),
  });
  report.add({
    scenario,
    figure: `seed ${count.toLocaleString('en-US')} events (SQL)`,
    unit: 's',
    redress: seedSeconds,
  });
  report.add({ scenario, figure: 'worker links, after the seed', unit: 's', redress: linkSeconds });
  report.detail('auditVerify', {
    seedSeconds,
    linkSeconds,
    verifySeconds,
    outsiderSeconds,
    checkpoint,
    verified,
    outsider,
  });
}
