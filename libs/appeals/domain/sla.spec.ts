import { DAY_MS, DomainError, HOUR_MS } from '@redress/kernel';
import { APPEAL_STATUSES } from './appeal-state-machine';
import {
  clockAfterTransition,
  infoDueAt,
  initialDecisionDueAt,
  isBreached,
  pauseClock,
  reminderAt,
  resumeClock,
  resumeDecisionDueAt,
} from './sla';

const t0 = new Date('2025-03-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('decision SLA clock', () => {
  it('is due 336 hours after submission by default, or after the configured hours', () => {
    expect(initialDecisionDueAt(t0)).toEqual(at(14 * DAY_MS));
    expect(initialDecisionDueAt(t0, 48)).toEqual(at(48 * HOUR_MS));
  });

  it('shifts the due date by the time spent paused', () => {
    const due = at(14 * DAY_MS);
    expect(resumeDecisionDueAt(due, at(DAY_MS), at(4 * DAY_MS))).toEqual(at(17 * DAY_MS));
    expect(resumeDecisionDueAt(due, at(DAY_MS), at(DAY_MS))).toEqual(due);
  });

  it('never pulls the due date earlier if clocks disagree', () => {
    const due = at(14 * DAY_MS);
    expect(resumeDecisionDueAt(due, at(2 * DAY_MS), at(DAY_MS))).toEqual(due);
  });

  it('keeps the first pause when paused twice', () => {
    const paused = pauseClock({ decisionDueAt: at(14 * DAY_MS), clockPausedAt: null }, at(DAY_MS));
    expect(pauseClock(paused, at(3 * DAY_MS))).toEqual({
      decisionDueAt: at(14 * DAY_MS),
      clockPausedAt: at(DAY_MS),
    });
  });

  it('resuming a running clock changes nothing', () => {
    const clock = { decisionDueAt: at(14 * DAY_MS), clockPausedAt: null };
    expect(resumeClock(clock, at(5 * DAY_MS))).toEqual(clock);
  });

  it('pauses on entering awaiting_appellant and resumes on leaving it, by reply, timeout or withdrawal', () => {
    const running = { decisionDueAt: at(14 * DAY_MS), clockPausedAt: null };
    const paused = clockAfterTransition(running, 'in_review', 'awaiting_appellant', at(DAY_MS));
    expect(paused).toEqual({ decisionDueAt: at(14 * DAY_MS), clockPausedAt: at(DAY_MS) });
    for (const to of ['in_review', 'withdrawn'] as const) {
      expect(clockAfterTransition(paused, 'awaiting_appellant', to, at(3 * DAY_MS))).toEqual({
        decisionDueAt: at(16 * DAY_MS),
        clockPausedAt: null,
      });
    }
    expect(clockAfterTransition(running, 'submitted', 'in_review', at(DAY_MS))).toBe(running);
  });
});

describe('isBreached', () => {
  const due = at(DAY_MS);

  it('only strictly after the due time', () => {
    expect(isBreached(due, at(DAY_MS - 1), 'in_review')).toBe(false);
    expect(isBreached(due, due, 'in_review')).toBe(false);
    expect(isBreached(due, at(DAY_MS + 1), 'in_review')).toBe(true);
  });

  it.each(APPEAL_STATUSES)('late appeal that is %s', (status) => {
    const expected = ['submitted', 'in_review', 'escalated'].includes(status);
    expect(isBreached(due, at(10 * DAY_MS), status)).toBe(expected);
  });
});

describe('info request deadline', () => {
  it('defaults to 7 days, accepts 1 to 30', () => {
    expect(infoDueAt(t0)).toEqual(at(7 * DAY_MS));
    expect(infoDueAt(t0, 1)).toEqual(at(DAY_MS));
    expect(infoDueAt(t0, 30)).toEqual(at(30 * DAY_MS));
  });

  it.each([0, 31, 2.5, -1, Number.NaN])('rejects %p days as a validation error on dueInDays', (days) => {
    let error: unknown;
    try {
      infoDueAt(t0, days);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    expect((error as DomainError).errors?.[0]?.field).toBe('dueInDays');
  });

  it('reminds one day before', () => {
    expect(reminderAt(at(7 * DAY_MS))).toEqual(at(6 * DAY_MS));
  });
});
