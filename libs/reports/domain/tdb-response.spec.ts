import { backoffMs, interpretBatchAnswer, retryAfterMs } from './tdb-response';

const NOW = new Date('2026-12-02T12:00:00Z');
const answer = (status: number, body: unknown = {}, retryAfter: string | null = null) => ({
  status,
  body,
  retryAfter,
});

describe('interpretBatchAnswer', () => {
  it('201: every statement accepted, with the uuid and permalink the database gave it', () => {
    const body = {
      statements: [
        { puid: 'b', uuid: 'u-b' },
        { puid: 'a', uuid: 'u-a', permalink: 'https://x/a' },
      ],
    };
    expect(interpretBatchAnswer(['a', 'b'], answer(201, body), NOW)).toEqual([
      { kind: 'accepted', puid: 'a', tdbUuid: 'u-a', permalink: 'https://x/a' },
      { kind: 'accepted', puid: 'b', tdbUuid: 'u-b', permalink: null },
    ]);
  });

  it('422 per statement: those rejected with their errors, the rest sent again', () => {
    const body = { errors: { statement_1: { decision_facts: ['The decision facts field is required.'] } } };
    expect(interpretBatchAnswer(['a', 'b', 'c'], answer(422, body), NOW)).toEqual([
      { kind: 'resubmit', puid: 'a' },
      { kind: 'rejected', puid: 'b', errors: { decision_facts: ['The decision facts field is required.'] } },
      { kind: 'resubmit', puid: 'c' },
    ]);
  });

  it('422 existing_puids: those already stored (never resent), the rest sent again', () => {
    const body = { message: 'not unique', errors: { puid: ['not unique'], existing_puids: ['b'] } };
    expect(interpretBatchAnswer(['a', 'b'], answer(422, body), NOW)).toEqual([
      { kind: 'resubmit', puid: 'a' },
      { kind: 'already_present', puid: 'b' },
    ]);
  });

  it('422 naming no statement: each refused with the errors', () => {
    const body = { errors: { statements: ['The statements field is required.'] } };
    expect(interpretBatchAnswer(['a'], answer(422, body), NOW)).toEqual([
      { kind: 'rejected', puid: 'a', errors: body.errors },
    ]);
  });

  it('429 honours Retry-After; 5xx and anything else retry later with backoff', () => {
    expect(interpretBatchAnswer(['a'], answer(429, {}, '7'), NOW)).toEqual([
      { kind: 'retry_later', puid: 'a', reason: 'HTTP 429', afterMs: 7000 },
    ]);
    for (const status of [500, 502, 503, 401, 404])
      expect(interpretBatchAnswer(['a'], answer(status, 'oops'), NOW)).toEqual([
        { kind: 'retry_later', puid: 'a', reason: `HTTP ${status}`, afterMs: null },
      ]);
  });
});

describe('retryAfterMs and backoffMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('0', NOW)).toBe(0);
    expect(retryAfterMs('Wed, 02 Dec 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs(null, NOW)).toBeNull();
  });

  it('doubles from 1 s, jittered between half and all, capped at an hour', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, () => 1))).toEqual([1000, 2000, 4000]);
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(40, () => 1)).toBe(3_600_000);
  });
});
