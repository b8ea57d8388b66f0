import { DAY_MS, DomainError, HOUR_MS, addMs } from '@redress/kernel';
import { OPEN_APPEAL_STATUSES, type AppealStatus } from './appeal-state-machine';

export const DEFAULT_DECISION_SLA_HOURS = 336;
export const DEFAULT_INFO_DUE_DAYS = 7;
export const MIN_INFO_DUE_DAYS = 1;
export const MAX_INFO_DUE_DAYS = 30;

/** The open statuses in which the decision clock runs: all but awaiting_appellant. */
export const SLA_RUNNING_STATUSES = OPEN_APPEAL_STATUSES.filter((status) => status !== 'awaiting_appellant');

/**
 * The decision clock stops while we wait for the appellant, so a slow reply never counts against
 * the reviewers. Persist `clockPausedAt` with the appeal; it is non-null only while awaiting_appellant.
 */
export interface SlaClock {
  decisionDueAt: Date;
  clockPausedAt: Date | null;
}

export function initialDecisionDueAt(submittedAt: Date, slaHours = DEFAULT_DECISION_SLA_HOURS): Date {
  return addMs(submittedAt, slaHours * HOUR_MS);
}

/** The due date pushed back by however long the clock was paused. */
export function resumeDecisionDueAt(decisionDueAt: Date, pausedAt: Date, now: Date): Date {
  return addMs(decisionDueAt, Math.max(0, now.getTime() - pausedAt.getTime()));
}

/** Pausing twice keeps the first pause, so a retried request cannot lose paused time. */
export function pauseClock(clock: SlaClock, now: Date): SlaClock {
  return { decisionDueAt: clock.decisionDueAt, clockPausedAt: clock.clockPausedAt ?? now };
}

export function resumeClock(clock: SlaClock, now: Date): SlaClock {
  if (clock.clockPausedAt === null) return clock;
  return {
    decisionDueAt: resumeDecisionDueAt(clock.decisionDueAt, clock.clockPausedAt, now),
    clockPausedAt: null,
  };
}

/** Pauses on entering awaiting_appellant and resumes on leaving it, whichever way it is left. */
export function clockAfterTransition(
  clock: SlaClock,
  from: AppealStatus,
  to: AppealStatus,
  now: Date,
): SlaClock {
  if (to === 'awaiting_appellant' && from !== 'awaiting_appellant') return pauseClock(clock, now);
  if (from === 'awaiting_appellant' && to !== 'awaiting_appellant') return resumeClock(clock, now);
  return clock;
}

/** Strictly after the due time; never while the clock is paused or once the appeal is closed. */
export function isBreached(decisionDueAt: Date, now: Date, status: AppealStatus): boolean {
  if (!(SLA_RUNNING_STATUSES as readonly AppealStatus[]).includes(status)) return false;
  return now.getTime() > decisionDueAt.getTime();
}

export function infoDueAt(now: Date, dueInDays: number = DEFAULT_INFO_DUE_DAYS): Date {
  if (!Number.isInteger(dueInDays) || dueInDays < MIN_INFO_DUE_DAYS || dueInDays > MAX_INFO_DUE_DAYS) {
    const message = `must be an integer from ${MIN_INFO_DUE_DAYS} to ${MAX_INFO_DUE_DAYS}`;
    throw new DomainError('validation_failed', `dueInDays ${message}`, [{ field: 'dueInDays', message }]);
  }
  return addMs(now, dueInDays * DAY_MS);
}

/** When the `appeal.info_reminder` goes out: one day before the appellant's deadline. */
export function reminderAt(infoDue: Date): Date {
  return addMs(infoDue, -DAY_MS);
}
