import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable, isTransientConflict } from './pg-errors';
import { retryDelayMs, withTransactionRetry, type RetryPolicy } from './transaction-retry';

/** What TypeORM throws for a statement PostgreSQL refused: the driver's error, SQLSTATE included. */
const failed = (code: string, message = `error ${code}`) =>
  new QueryFailedError('UPDATE suspensions …', [], Object.assign(new Error(message), { code }));

const POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 20, maxDelayMs: 50 };

function harness(outcomes: unknown[]) {
  const waits: number[] = [];
  const retried: number[] = [];
  let runs = 0;
  const transaction = async () => {
    const outcome = outcomes[runs++];
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  const run = () =>
    withTransactionRetry(transaction, POLICY, {
      wait: async (ms) => waits.push(ms),
      random: () => 0.5,
      onRetry: (_, attempt) => retried.push(attempt),
    });
  return { run, waits, retried, runs: () => runs };
}

describe('transaction retry', () => {
  it('runs the whole transaction again after a deadlock or a serialization failure', async () => {
    const h = harness([failed('40P01', 'deadlock detected'), failed('40001'), 'committed']);
    await expect(h.run()).resolves.toBe('committed');
    expect(h.runs()).toBe(3);
    expect(h.retried).toEqual([1, 2]);
  });

  it('gives up after policy.attempts runs with the last error', async () => {
    const last = failed('40P01', 'the fourth');
    const h = harness([failed('40P01'), failed('40P01'), failed('40001'), last, 'never reached']);
    await expect(h.run()).rejects.toBe(last);
    expect(h.runs()).toBe(POLICY.attempts);
  });

  it.each([
    ['a rule of the database', failed('23505')],
    ['a lost connection, which may have committed', failed('57P01')],
    ['a released query runner', new QueryRunnerAlreadyReleasedError()],
    ['a bug', new TypeError('x is undefined')],
  ])('never runs again after %s', async (_, error) => {
    const h = harness([error, 'never reached']);
    await expect(h.run()).rejects.toBe(error);
    expect(h.runs()).toBe(1);
    expect(h.waits).toEqual([]);
  });

  it('waits a random time below a cap that doubles up to maxDelayMs', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(POLICY, attempt, () => 0.999))).toEqual([
      19, 39, 49, 49,
    ]);
    expect(retryDelayMs(POLICY, 3, () => 0)).toBe(0);
    const h = harness([failed('40P01'), failed('40P01'), 'committed']);
    return h.run().then(() => expect(h.waits).toEqual([10, 20]));
  });
});

describe('what the unit of work makes of an error', () => {
  it.each([
    ['a deadlock', true, false, failed('40P01')],
    ['a serialization failure', true, false, failed('40001')],
    ['a killed backend', false, true, failed('57P01', 'terminating connection due to administrator command')],
    ['a dropped socket', false, true, new Error('Connection terminated unexpectedly')],
    ['a closed client', false, true, new Error('Client was closed and is not queryable')],
    ['a query runner TypeORM let go of', false, true, new QueryRunnerAlreadyReleasedError()],
    ['a check violation', false, false, failed('23514')],
  ])('%s: conflict %s, unavailable %s', (_, conflict, unavailable, error) => {
    expect(isTransientConflict(error)).toBe(conflict);
    expect(isDatabaseUnavailable(error)).toBe(unavailable);
  });
});
