// The load generator, a process of its own so it never shares an event loop with what it measures.
// Usage: node bench/load.mjs < spec.json; prints one JSON result line on stdout.
import autocannon from 'autocannon';
import { seedId, SEED } from './lib/database.mjs';
import { mintToken } from './lib/context.mjs';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const spec = JSON.parse(input);

const STATEMENT =
  'I run a translation start-up; the traffic the detector flagged was our own nightly evaluation suite, ' +
  'run against our fine-tuned model. Logs attached on request.';

/** Each workload turns the spec into autocannon instances (one per distinct caller when it matters). */
const WORKLOADS = {
  /**
   * POST /v1/appeals: every request a distinct suspension, filed by its owner: the seeded range
   * [from, from + count) (ids from seedId), or the given `targets` ({ suspensionId, accountId }).
   */
  'file-appeals'(s) {
    let next = 0;
    const count = s.targets ? s.targets.length : s.count;
    const target = s.targets
      ? (i) => s.targets[i]
      : (i) => ({
          suspensionId: seedId(SEED.filingSuspension, s.from + i),
          accountId: `${s.accountPrefix}${s.from + i}`,
        });
    return [
      {
        url: s.url,
        connections: s.connections,
        duration: s.duration,
        amount: s.targets ? count : undefined,
        requests: [
          {
            method: 'POST',
            path: s.path ?? '/v1/appeals',
            setupRequest(req) {
              if (next >= count) throw new Error(`ran out of suspensions to appeal after ${count}`);
              const { suspensionId, accountId } = target(next++);
              return {
                ...req,
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${mintToken(s.secret, accountId, ['appellant'])}`,
                },
                body: JSON.stringify({
                  suspensionId,
                  statement: STATEMENT,
                  requestedRemedy: 'reinstate_or_refund',
                }),
              };
            },
          },
        ],
      },
    ];
  },

  /** POST /v1/suspensions at a steady rate, each a new account and externalRef (one outbox event each). */
  'create-suspensions'(s) {
    let next = 0;
    return [
      {
        url: s.url,
        connections: s.connections,
        overallRate: s.rate,
        duration: s.duration,
        requests: [
          {
            method: 'POST',
            path: '/v1/suspensions',
            headers: { 'content-type': 'application/json', authorization: s.authorization },
            setupRequest(req) {
              const n = next++;
              return {
                ...req,
                body: JSON.stringify({
                  accountId: `${s.accountPrefix}${n}`,
                  externalRef: `${s.accountPrefix}${n}`,
                  reasonCode: 'payment_fraud',
                  policyClause: 'Terms of Service §7.1',
                  statementOfReasons: 'Chargebacks on three cards within one hour.',
                  automatedDetection: true,
                  automatedDecision: false,
                  accountEmail: `${s.accountPrefix}${n}@example.com`,
                }),
              };
            },
          },
        ],
      },
    ];
  },

  /** The same request over and over; one instance (one connection) per header set in `callers`. */
  fixed(s) {
    return s.callers.map((headers) => ({
      url: s.url,
      connections: s.connectionsPerCaller ?? 1,
      duration: s.duration,
      amount: s.amount,
      requests: [{ method: s.method ?? 'GET', path: s.path, headers, body: s.body }],
    }));
  },
};

function run(options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    let errors = 0;
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    const instance = autocannon({ ...defined, timeout: 30 }, (error, result) =>
      error ? reject(error) : resolve({ result, latencies, statuses, errors }),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
    instance.on('reqError', () => (errors += 1));
  });
}

const startedAt = process.hrtime.bigint();
const runs = await Promise.all(WORKLOADS[spec.workload](spec).map(run));
const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
const statuses = {};
for (const r of runs)
  for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
process.stdout.write(
  `${JSON.stringify({
    seconds,
    responses: runs.reduce((n, r) => n + r.latencies.length, 0),
    errors: runs.reduce((n, r) => n + r.errors + r.result.timeouts, 0),
    statuses,
    latencies: runs.flatMap((r) => r.latencies),
  })}\n`,
);
