// `npm run bench [-- scenario …]`: Redress against its baselines in a throwaway
// database and Redis prefix; prints the table and writes bench/results/<timestamp>.json.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, require } from './lib/context.mjs';
import { createDatabase, dropDatabase, scalar } from './lib/database.mjs';
import { startApi, startBaseline, startWorker } from './lib/processes.mjs';
import { log, pollUntil } from './lib/progress.mjs';
import { Report } from './lib/report.mjs';
import { startWebhookSink } from './lib/sink.mjs';
import { filing } from './scenarios/filing.mjs';
import { ingest, notices } from './scenarios/wave-ingest.mjs';
import { outboxLag } from './scenarios/outbox-lag.mjs';
import { remedy } from './scenarios/wave-remedy.mjs';
import { seedQueue, reviewNext, triage } from './scenarios/queue.mjs';
import { auditVerify } from './scenarios/audit-verify.mjs';

const Redis = require('ioredis');

/** In run order. `needs` run first (and are reported) when a later scenario is picked alone. */
const SCENARIOS = [
  { name: 'filing', aliases: ['memory'], run: filing, before: 'worker' },
  { name: 'ingest', run: ingest },
  { name: 'notices', run: notices, needs: ['ingest'] },
  { name: 'outbox-lag', run: outboxLag },
  { name: 'remedy', run: remedy, needs: ['ingest', 'notices'] },
  { name: 'seed-queue', run: seedQueue, hidden: true },
  { name: 'triage', run: triage, needs: ['seed-queue'] },
  { name: 'review-next', run: reviewNext, needs: ['seed-queue'] },
  { name: 'audit-verify', run: auditVerify },
];

function selected(args) {
  const wanted = new Set();
  const visible = SCENARIOS.filter((s) => !s.hidden);
  const byName = (name) => visible.find((s) => s.name === name || s.aliases?.includes(name));
  const add = (s) => {
    for (const need of s.needs ?? []) add(SCENARIOS.find((x) => x.name === need));
    wanted.add(s.name);
  };
  for (const arg of args.length ? args : visible.map((s) => s.name)) {
    const s = byName(arg);
    if (!s) throw new Error(`unknown scenario "${arg}"; known: ${visible.map((v) => v.name).join(', ')}`);
    add(s);
  }
  return SCENARIOS.filter((s) => wanted.has(s.name));
}

async function deleteRedisKeys(ctx) {
  const redis = new Redis(ctx.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${ctx.redisPrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** The worker starts once no scenario needs the machine without it, then clears what piled up meanwhile. */
async function ensureWorker(env) {
  if (env.worker) return;
  const backlog = await scalar(
    env.db,
    'SELECT count(*)::int FROM outbox_messages WHERE processed_at IS NULL',
  );
  log(`starting the worker${backlog ? ` (${backlog.toLocaleString('en-US')} events waiting)` : ''}`);
  env.worker = await startWorker(env.ctx, env.logDir, {
    NOTIFY_WEBHOOK_URL: env.sink.url,
    NOTIFY_WEBHOOK_SECRET: 'bench-webhook-secret',
    PLATFORM_WEBHOOK_URL: `${env.sink.url}/platform`,
  });
  await waitForDrain(env, 'draining the backlog');
}

/** Until every outbox event is processed and no e-mail/webhook delivery is owed. */
export async function waitForDrain(env, label, timeoutMs = 15 * 60_000) {
  return pollUntil(
    label,
    async () => {
      const { rows } = await env.db.query(
        `SELECT (SELECT count(*)::int FROM outbox_messages WHERE processed_at IS NULL) AS events,
                (SELECT count(*)::int FROM notifications WHERE status IN ('pending', 'failed')) AS deliveries`,
      );
      const { events, deliveries } = rows[0];
      return {
        done: events === 0 && deliveries === 0,
        status: `${events} events, ${deliveries} deliveries owed`,
      };
    },
    { intervalMs: 500, timeoutMs },
  );
}

async function main() {
  const scenarios = selected(process.argv.slice(2));
  const ctx = createContext();
  const logDir = mkdtempSync(join(tmpdir(), `${ctx.databaseName}-`));
  const report = new Report();
  log(
    `benchmark ${ctx.databaseName}: ${scenarios.map((s) => s.name).join(', ')} (process logs in ${logDir})`,
  );
  const env = { ctx, logDir, report, waitForDrain: (label) => waitForDrain(env, label), state: {} };
  const processes = () => [env.api, env.worker, env.baseline].filter(Boolean);
  let failure;
  let interrupted;
  const interrupt = new Promise((_, reject) => {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        interrupted = signal;
        reject(new Error(`interrupted by ${signal}`));
      });
    }
  });
  interrupt.catch(() => undefined);
  try {
    env.db = await createDatabase(ctx);
    if (interrupted) throw new Error(`interrupted by ${interrupted}`);
    env.sink = await startWebhookSink();
    env.baseline = await startBaseline(ctx, logDir);
    env.api = await startApi(ctx, logDir);
    for (const scenario of scenarios) {
      if (scenario.before !== 'worker') await ensureWorker(env);
      log(`— ${scenario.name}`);
      // A Ctrl-C stops the run here and still cleans up (processes, database, Redis keys) below.
      await Promise.race([scenario.run(env), interrupt]);
    }
  } catch (error) {
    failure = error;
    log(`benchmark failed: ${error.stack ?? error}`);
  } finally {
    await Promise.all(processes().map((p) => p.stop()));
    await env.sink?.close();
    // a query still running (an interrupted poll) must not hold the clean-up: DROP … WITH (FORCE) ends it
    await Promise.race([env.db?.end(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    await dropDatabase(ctx).catch((e) => log(`could not drop ${ctx.databaseName}: ${e.message}`));
    await deleteRedisKeys(ctx).catch((e) => log(`could not delete Redis keys: ${e.message}`));
  }
  report.print();
  const file = report.write(ctx, {
    scenarios: scenarios.map((s) => s.name),
    failed: failure ? String(failure) : undefined,
  });
  log(`results written to ${file}`);
  process.exitCode = failure ? 1 : 0;
}

await main();
