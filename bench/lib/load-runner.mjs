// Runs bench/load.mjs as a child process and reads back its one-line JSON result.
import { spawn } from 'node:child_process';
import { ROOT } from './context.mjs';
import { percentile } from './stats.mjs';

export function runLoad(spec) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/load.mjs'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(JSON.stringify(spec));
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator failed (${code}): ${err.slice(-2000)}`));
      resolve(summarise(JSON.parse(out)));
    });
  });
}

function summarise(result) {
  return {
    ...result,
    rps: result.responses / result.seconds,
    p50: percentile(result.latencies, 50),
    p95: percentile(result.latencies, 95),
    p99: percentile(result.latencies, 99),
  };
}

/** Several runs of one workload as if they were one (responses, time and latencies added up). */
export function combine(results) {
  const statuses = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return summarise({
    seconds: results.reduce((s, r) => s + r.seconds, 0),
    responses: results.reduce((s, r) => s + r.responses, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
    statuses,
    latencies: results.flatMap((r) => r.latencies),
  });
}

/** A one-line summary for the progress output. */
export const describeLoad = (r) =>
  `${r.responses} responses in ${r.seconds.toFixed(1)} s (${r.rps.toFixed(0)}/s), p50 ${r.p50.toFixed(1)} ms, ` +
  `p99 ${r.p99.toFixed(1)} ms, statuses ${JSON.stringify(r.statuses)}${r.errors ? `, ${r.errors} errors` : ''}`;
