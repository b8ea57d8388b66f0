import { afterAttempt, MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  it('doubles the delay after every failed attempt, jittered within the upper half', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    for (let i = 0; i < 100; i += 1) {
      const delay = retryDelayMs(3, 1000);
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });

  it('caps the delay', () => {
    expect(retryDelayMs(50, 1000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('retries until the last allowed attempt, then gives up', () => {
    const policy = { maxAttempts: 3, baseDelayMs: 20 };
    expect(afterAttempt(1, false, policy, () => 0)).toEqual({ status: 'failed', retryInMs: 10 });
    expect(afterAttempt(2, false, policy, () => 0)).toEqual({ status: 'failed', retryInMs: 20 });
    expect(afterAttempt(3, false, policy)).toEqual({ status: 'dead' });
    expect(afterAttempt(3, true, policy)).toEqual({ status: 'sent' });
  });
});
