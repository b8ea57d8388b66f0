import { DomainError } from '@redress/kernel';
import { MAX_REPORT_DAYS, resolveReportPeriod } from './report-period';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const iso = (p: { from: Date; to: Date }) => ({ from: p.from.toISOString(), to: p.to.toISOString() });

function fieldsOf(input: { from?: string; to?: string }): string[] {
  try {
    resolveReportPeriod(input, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    return ((error as DomainError).errors ?? []).map((e) => e.field);
  }
  return [];
}

describe('resolveReportPeriod', () => {
  it('defaults to the 30 days before now', () => {
    expect(iso(resolveReportPeriod({}, NOW))).toEqual({
      from: '2025-05-16T12:00:00.000Z',
      to: '2025-06-15T12:00:00.000Z',
    });
  });

  it('takes 30 days before an explicit end, and now after an explicit start', () => {
    expect(iso(resolveReportPeriod({ to: '2025-03-31' }, NOW)).from).toBe('2025-03-01T00:00:00.000Z');
    expect(iso(resolveReportPeriod({ from: '2025-06-01' }, NOW)).to).toBe(NOW.toISOString());
  });

  it('reads days as UTC midnight and honours offsets', () => {
    expect(iso(resolveReportPeriod({ from: '2025-01-01', to: '2025-01-02T02:30:00+02:00' }, NOW))).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-02T00:30:00.000Z',
    });
  });

  it.each(['2025-02-30', '2025-13-01', '1 May 2025', '2025-01-01T10:00:00', '2025-01-01T25:00:00Z', ''])(
    'refuses %p',
    (value) => {
      expect(fieldsOf({ from: value, to: '2025-06-01' })).toEqual(['from']);
    },
  );

  it('requires from before to', () => {
    expect(fieldsOf({ from: '2025-06-01', to: '2025-06-01' })).toEqual(['from']);
    expect(fieldsOf({ from: '2025-06-02', to: '2025-06-01' })).toEqual(['from']);
  });

  it(`allows at most ${MAX_REPORT_DAYS} days`, () => {
    // 2020-01-01 + 1,830 days = 2025-01-04
    expect(fieldsOf({ from: '2020-01-01', to: '2025-01-04' })).toEqual([]);
    expect(fieldsOf({ from: '2020-01-01', to: '2025-01-04T00:00:00.001Z' })).toEqual(['to']);
  });

  it('names both bad bounds at once', () => {
    expect(fieldsOf({ from: 'yesterday', to: 'today' })).toEqual(['to', 'from']);
  });
});
