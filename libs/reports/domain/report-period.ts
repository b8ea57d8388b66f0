import { DAY_MS, DomainError, type FieldError } from '@redress/kernel';

/** Without `from`, a report covers the 30 days before `to`. */
export const DEFAULT_REPORT_DAYS = 30;
/** Five years of 366 days: enough for any statutory report, small enough to stay a bounded scan. */
export const MAX_REPORT_DAYS = 5 * 366;

/**
 * A calendar day (read as 00:00 UTC) or a date-time with an explicit offset. A date-time without one
 * would be read in the server's time zone, so the same URL could mean different periods: refused.
 */
export const REPORT_INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** A half-open period [from, to): an item whose timestamp equals `to` belongs to the next period. */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

export interface ReportPeriodInput {
  from?: string;
  to?: string;
}

/** Applies the defaults (to = now, from = to − 30 days) and checks order and length. */
export function resolveReportPeriod(input: ReportPeriodInput, now: Date): ReportPeriod {
  const errors: FieldError[] = [];
  const to = input.to === undefined ? now : parseInstant('to', input.to, errors);
  const from =
    input.from === undefined
      ? to && new Date(to.getTime() - DEFAULT_REPORT_DAYS * DAY_MS)
      : parseInstant('from', input.from, errors);
  if (from && to) {
    if (from.getTime() >= to.getTime()) errors.push({ field: 'from', message: 'must be before to' });
    else if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS)
      errors.push({ field: 'to', message: `must be at most ${MAX_REPORT_DAYS} days after from` });
  }
  if (errors.length > 0 || !from || !to) {
    throw new DomainError('validation_failed', 'The report period is invalid', errors);
  }
  return { from, to };
}

function parseInstant(field: string, value: string, errors: FieldError[]): Date | null {
  const match = REPORT_INSTANT_PATTERN.exec(value);
  const parsed = match ? new Date(value) : null;
  // Date() rolls 2025-02-30 over to 2 March; a day that does not exist is an error, not a guess.
  if (!parsed || Number.isNaN(parsed.getTime()) || !isRealDay(match![1])) {
    errors.push({
      field,
      message: 'must be an ISO-8601 date (YYYY-MM-DD) or date-time with an offset (…T10:00:00Z)',
    });
    return null;
  }
  return parsed;
}

function isRealDay(day: string): boolean {
  const midnight = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(day);
}
