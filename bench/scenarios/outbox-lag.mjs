// Scenario 6: outbox lag at a steady 300 events/s. Suspensions are created one by one at 300/s (each
// commits one suspension.noticed outbox row); the lag of an event is its inbox notice's sent_at minus
// the outbox row's created_at (the transaction's start, so a little more than commit → delivered).
import { mintToken } from '../lib/context.mjs';
import { describeLoad, runLoad } from '../lib/load-runner.mjs';
import { log } from '../lib/progress.mjs';

const RATE = 300;
const SECONDS = 30;
const PREFIX = 'bench_lag_';

export async function outboxLag(env) {
  const { ctx, db, api, report } = env;
  await env.waitForDrain('outbox lag: waiting for an idle outbox');
  log(`  ${RATE} suspensions/s for ${SECONDS} s`);
  const load = await runLoad({
    workload: 'create-suspensions',
    url: api.url,
    connections: 16,
    rate: RATE,
    duration: SECONDS,
    accountPrefix: PREFIX,
    authorization: `Bearer ${mintToken(ctx.jwtSecret, 'bench-lag-enforcer', ['enforcement'])}`,
  });
  log(`  ${describeLoad(load)}`);
  await env.waitForDrain('outbox lag: last events');
  await db.query('ANALYZE outbox_messages, notifications'); // fresh statistics for the join below
  const { rows } = await db.query(
    `SELECT count(*)::int AS events,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY lag) AS p99,
            max(lag) AS max,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY relay) AS relay_p99,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY dispatch) AS dispatch_p99
       FROM (SELECT 1000 * extract(epoch FROM n.sent_at - o.created_at) AS lag,
                    1000 * extract(epoch FROM o.relayed_at - o.created_at) AS relay,
                    1000 * extract(epoch FROM n.sent_at - o.relayed_at) AS dispatch
               FROM outbox_messages o JOIN notifications n ON n.event_id = o.id AND n.channel = 'inbox'
              WHERE o.type = 'suspension.noticed' AND o.payload ->> 'accountId' LIKE $1) l`,
    [`${PREFIX}%`],
  );
  const lag = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  log(
    `  ${lag.events} events: lag p50 ${lag.p50.toFixed(0)} ms, p99 ${lag.p99.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms ` +
      `(p99 commit → relayed ${lag.relay_p99.toFixed(0)} ms, relayed → inbox ${lag.dispatch_p99.toFixed(0)} ms)`,
  );
  const scenario = `outbox lag (${RATE} events/s, ${SECONDS} s)`;
  report.add({ scenario, figure: 'events/s achieved', redress: lag.events / load.seconds });
  report.add({ scenario, figure: 'p50 commit → inbox', unit: 'ms', redress: lag.p50 });
  report.add({
    scenario,
    figure: 'p99 commit → inbox',
    unit: 'ms',
    redress: lag.p99,
    target: '≤ 1,000 ms',
    // (a few more events than 201s: requests still in flight when the load stopped)
    met: lag.p99 <= 1000 && lag.events >= load.statuses[201],
  });
  report.detail('outboxLag', { ...lag, load: { ...load, latencies: undefined } });
}
