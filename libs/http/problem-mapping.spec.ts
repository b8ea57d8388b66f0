import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { mapError } from './problem-mapping';

const failed = (code: string, message: string) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

describe('mapError: the database', () => {
  it.each([
    [
      'a backend killed mid-statement',
      failed('57P01', 'terminating connection due to administrator command'),
    ],
    [
      'a backend killed between statements (TypeORM let go of the runner)',
      new QueryRunnerAlreadyReleasedError(),
    ],
  ])('%s is 503 dependency_unavailable, not a bug', (_, error) => {
    const { problem, unexpected } = mapError(error);
    expect({ status: problem.status, code: problem.code }).toEqual({
      status: 503,
      code: 'dependency_unavailable',
    });
    expect(unexpected).toBeUndefined();
  });

  it('a deadlock the retry could not resolve stays a 500 with an error id: a lock-order bug', () => {
    const error = failed('40P01', 'deadlock detected');
    const { problem, unexpected } = mapError(error);
    expect({ status: problem.status, code: problem.code }).toEqual({ status: 500, code: 'internal_error' });
    expect(problem.detail).not.toMatch(/deadlock/);
    expect(unexpected).toBe(error);
  });
});
