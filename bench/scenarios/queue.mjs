// Scenarios 4 (triage queue) and 5 (review/next) at 1,000,000 open appeals, seeded with set-based SQL.
import { bearer } from '../lib/context.mjs';
import { scalar, SEED, seedIdSql, seedQuery, seedSuspensions } from '../lib/database.mjs';
import { runLoad } from '../lib/load-runner.mjs';
import { log } from '../lib/progress.mjs';

const OPEN_APPEALS = 1_000_000;
const PAGE = 50;
const DEEP_PAGE = 1_000;
const SECONDS = 10;
const REVIEWERS = 8;

/**
 * Tops the queue up to a million open appeals: as many suspensions (an appeal needs its own) and their
 * appeals, each one INSERT … SELECT over generate_series. Priorities spread over 0–60 as the formula
 * gives them (automated decision, frozen amount); submission times spread over the past 30 days (a scramble of n, so pages interleave).
 * The wave-stats triggers run once per statement; no audit or ledger rows are needed to read a queue.
 */
export async function seedQueue({ db, report, state }) {
  const open = await scalar(
    db,
    `SELECT count(*)::int FROM appeals WHERE status IN ('submitted', 'in_review', 'awaiting_appellant', 'escalated')`,
  );
  const count = Math.max(0, OPEN_APPEALS - open);
  log(
    `queue: seeding ${count.toLocaleString('en-US')} appeals (and their suspensions) beside ${open.toLocaleString('en-US')} open ones`,
  );
  const startedAt = Date.now();
  await seedSuspensions(db, {
    kind: SEED.queueSuspension,
    from: 0,
    count,
    accountPrefix: 'bench_q_',
    frozenSql: '(n * 7919) % 150000',
  });
  log(`  suspensions: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  await seedQuery(
    db,
    `INSERT INTO appeals (id, suspension_id, account_id, status, level, statement, requested_remedy, priority, reason_code,
                          submitted_at, decision_due_at, updated_at, version)
     SELECT ${seedIdSql(SEED.queueAppeal, 's.n')}, ${seedIdSql(SEED.queueSuspension, 's.n')}, 'bench_q_' || s.n, 'submitted', 1,
            'Seeded by the benchmark: this traffic was our own evaluation suite.', 'reinstate_or_refund',
            appeal_priority(s.n % 3 <> 0, false, (s.n * 7919) % 150000, false),
            (ARRAY['model_distillation','automated_extraction','tos_rival_training','region_restriction',
                   'account_sharing','payment_fraud','spam','other'])[1 + s.n % 8],
            t.at, t.at + interval '336 hours', t.at, 1
       FROM generate_series(0, $1::bigint - 1) AS s(n),
            LATERAL (SELECT date_trunc('milliseconds', now() - interval '1 millisecond' * ((s.n * 104729) % 2592000000)) AS at) t`,
    [count],
  );
  const seconds = (Date.now() - startedAt) / 1000;
  log(`  appeals: ${seconds.toFixed(1)} s in all; analysing`);
  await db.query('ANALYZE suspensions');
  await db.query('ANALYZE appeals');
  report.add({
    scenario: 'seed 1,000,000 open appeals',
    figure: `seconds for ${count.toLocaleString('en-US')} appeals + suspensions`,
    unit: 's',
    redress: seconds,
    target: '< 60 s',
    met: seconds < 60,
  });
  state.queueSeeded = true;
}

/** p95 of one GET, repeated on one connection for SECONDS. */
async function p95Of(url, path, headers) {
  const r = await runLoad({ workload: 'fixed', url, path, callers: [headers], duration: SECONDS });
  const bad = r.responses - (r.statuses[200] ?? 0);
  if (bad) throw new Error(`${path}: ${bad} answers were not 200 (${JSON.stringify(r.statuses)})`);
  return r;
}

export async function triage({ ctx, api, baseline, report }) {
  const reviewer = bearer(ctx.jwtSecret, 'bench-triage', 'reviewer');
  log(`triage: walking to page ${DEEP_PAGE} by cursor`);
  let cursor = null;
  const walkStarted = Date.now();
  for (let page = 1; page < DEEP_PAGE; page += 1) {
    const q = `/v1/review/queue?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
    const body = await (await fetch(`${api.url}${q}`, { headers: reviewer })).json();
    cursor = body.nextCursor;
    if (!cursor) throw new Error(`the queue ended at page ${page}`);
    if (page % 200 === 0) log(`  page ${page} (${((Date.now() - walkStarted) / 1000).toFixed(1)} s)`);
  }
  const pages = {
    first: `/v1/review/queue?limit=${PAGE}`,
    deep: `/v1/review/queue?limit=${PAGE}&cursor=${cursor}`,
    firstOffset: `/v1/review/queue?limit=${PAGE}&offset=0`,
    deepOffset: `/v1/review/queue?limit=${PAGE}&offset=${(DEEP_PAGE - 1) * PAGE}`,
  };
  const results = {};
  for (const [name, server, path] of [
    ['first', api, pages.first],
    ['firstOffset', baseline, pages.firstOffset],
    ['deep', api, pages.deep],
    ['deepOffset', baseline, pages.deepOffset],
  ]) {
    results[name] = await p95Of(server.url, path, reviewer);
    log(
      `  ${name}: p50 ${results[name].p50.toFixed(1)} ms, p95 ${results[name].p95.toFixed(1)} ms (${results[name].responses} requests)`,
    );
  }
  const scenario = 'triage queue at 1,000,000 (50 a page)';
  report.add({
    scenario,
    figure: 'first page p95',
    unit: 'ms',
    redress: results.first.p95,
    baseline: results.firstOffset.p95,
    target: '≤ 15 ms',
    met: results.first.p95 <= 15,
  });
  report.add({
    scenario,
    figure: `page ${DEEP_PAGE.toLocaleString('en-US')} p95 (cursor vs OFFSET)`,
    unit: 'ms',
    redress: results.deep.p95,
    baseline: results.deepOffset.p95,
    target: '≤ 15 ms and ≤ 1.5× first page',
    met: results.deep.p95 <= 15 && results.deep.p95 <= 1.5 * results.first.p95,
  });
  report.detail(
    'triage',
    Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { ...v, latencies: undefined }])),
  );
}

export async function reviewNext({ ctx, api, report }) {
  log(`review/next: ${REVIEWERS} reviewers claiming for ${SECONDS} s`);
  const callers = Array.from({ length: REVIEWERS }, (_, i) =>
    bearer(ctx.jwtSecret, `bench-reviewer-${i}`, 'reviewer'),
  );
  const r = await runLoad({
    workload: 'fixed',
    url: api.url,
    method: 'POST',
    path: '/v1/review/next',
    callers,
    duration: SECONDS,
  });
  const claims = r.statuses[200] ?? 0;
  log(
    `  ${claims} claims, ${JSON.stringify(r.statuses)}, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`,
  );
  const scenario = `review/next at 1,000,000 (${REVIEWERS} reviewers)`;
  report.add({ scenario, figure: 'claims/s', redress: claims / r.seconds });
  report.add({
    scenario,
    figure: 'p95',
    unit: 'ms',
    redress: r.p95,
    target: '≤ 20 ms',
    met: r.p95 <= 20 && claims === r.responses,
  });
  report.detail('reviewNext', { ...r, latencies: undefined });
}
