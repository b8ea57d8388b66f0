// Scenario 1 (file appeals) and 7 (memory): POST /v1/appeals at 50 connections for 20 s, every request
// a distinct suspension filed by its owner, against Redress and against the raw Fastify + pg baseline.
import { seedSuspensions, SEED } from '../lib/database.mjs';
import { combine, describeLoad, runLoad } from '../lib/load-runner.mjs';
import { log } from '../lib/progress.mjs';

const CONNECTIONS = 50;
const SECONDS = 20;
/**
 * The 20 s are run as alternating rounds (baseline, Redress, baseline, …): on a shared 2-core machine
 * whatever else runs meanwhile then weighs on both alike, not on whichever happened to go second.
 */
const ROUNDS = 4;
const WARMUP_SECONDS = 5;
/** Seeded suspensions per round and server; well above what 5 s at 50 connections can file here. */
const SLICE = 25_000;
const PREFIX = 'bench_f_';

export async function filing({ ctx, db, api, baseline, report }) {
  const total = 2 * (ROUNDS + 1) * SLICE;
  log(`file appeals: seeding ${total.toLocaleString('en-US')} suspensions`);
  const seeded = Date.now();
  await seedSuspensions(db, { kind: SEED.filingSuspension, from: 0, count: total, accountPrefix: PREFIX });
  await db.query('ANALYZE suspensions');
  log(`  seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

  let from = 0;
  const slice = (size) => {
    const s = { from, count: size };
    from += size;
    return s;
  };
  const load = (server, seconds, range) =>
    runLoad({
      workload: 'file-appeals',
      url: server.url,
      connections: CONNECTIONS,
      duration: seconds,
      secret: ctx.jwtSecret,
      accountPrefix: PREFIX,
      ...range,
    });

  // Both servers warm up (JIT, connection pools) before either is measured.
  for (const [name, server] of [
    ['baseline', baseline],
    ['Redress', api],
  ]) {
    log(`  warm-up ${name} (${WARMUP_SECONDS} s)`);
    await load(server, WARMUP_SECONDS, slice(SLICE));
  }
  const rounds = { baseline: [], redress: [] };
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const [name, server] of [
      ['baseline', baseline],
      ['redress', api],
    ]) {
      // a fresh range each round: requests still in flight when a round ends used theirs up
      const cpuBefore = server.cpuSeconds();
      const result = await load(server, SECONDS / ROUNDS, slice(SLICE));
      result.cpuSeconds = server.cpuSeconds() - cpuBefore;
      rounds[name].push(result);
      log(`  round ${round}/${ROUNDS} ${name}: ${describeLoad(result)}`);
    }
  }
  const rss = api.rssMb();
  const base = combine(rounds.baseline);
  const red = combine(rounds.redress);
  // CPU per request of the server process: what decides throughput once one core is saturated,
  // and far steadier than req/s on a machine shared with other work.
  const cpuMs = (list, r) => (1000 * list.reduce((s, x) => s + x.cpuSeconds, 0)) / r.responses;
  base.cpuMsPerRequest = cpuMs(rounds.baseline, base);
  red.cpuMsPerRequest = cpuMs(rounds.redress, red);
  log(`  baseline: ${describeLoad(base)}, ${base.cpuMsPerRequest.toFixed(2)} ms CPU a request`);
  log(`  Redress: ${describeLoad(red)}, ${red.cpuMsPerRequest.toFixed(2)} ms CPU a request`);

  const failed = (r) => r.responses - (r.statuses[201] ?? 0);
  const scenario = 'file appeals (50 conn, 20 s)';
  report.add({
    scenario,
    figure: 'req/s',
    redress: red.statuses[201] / red.seconds,
    baseline: base.statuses[201] / base.seconds,
    target: '≥ 0.6× baseline',
    met: red.statuses[201] / red.seconds >= 0.6 * (base.statuses[201] / base.seconds),
  });
  report.add({ scenario, figure: 'p50', unit: 'ms', redress: red.p50, baseline: base.p50 });
  report.add({
    scenario,
    figure: 'p99',
    unit: 'ms',
    redress: red.p99,
    baseline: base.p99,
    target: '≤ 1.5× baseline',
    met: red.p99 <= 1.5 * base.p99,
  });
  report.add({
    scenario,
    figure: 'server CPU a request',
    unit: 'ms',
    redress: red.cpuMsPerRequest,
    baseline: base.cpuMsPerRequest,
  });
  report.add({
    scenario,
    figure: 'non-201 answers',
    redress: failed(red),
    baseline: failed(base),
    target: '0',
    met: failed(red) === 0 && red.errors === 0,
  });
  report.add({
    scenario: 'memory',
    figure: 'API RSS after filing',
    unit: 'MB',
    redress: rss,
    target: '≤ 250 MB',
    met: rss <= 250,
  });
  report.detail('filing', {
    redress: { ...red, latencies: undefined },
    baseline: { ...base, latencies: undefined },
  });
}
