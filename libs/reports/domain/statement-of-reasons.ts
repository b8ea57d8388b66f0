import { DomainError } from '@redress/kernel';
import {
  AutomatedDecision,
  DATE_RANGES,
  DsaStatementOfReasons,
  EU_EEA_COUNTRY_CODES,
  FIELD_MAX_LENGTH,
  StatementCategory,
} from './dsa-statement';
import { PersonalData, redactPersonalData, truncate } from './redact';

export * from './dsa-statement';
export { validateStatementOfReasons } from './validate-statement-of-reasons';

/** What the export needs from a suspension; the persistence layer maps its entity onto this. */
export interface SuspensionForStatement {
  id: string;
  accountId: string;
  accountEmail: string;
  status: 'active' | 'lifted' | 'upheld';
  reasonCode: string;
  policyClause: string;
  statementOfReasons: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  frozenBalance: { amountMinor: number; currency: string };
  accountCreatedAt: Date | null;
  suspendedAt: Date;
  liftedAt?: Date | null;
  policyUrl?: string;
}

export interface StatementOptions {
  territorialScope?: string[];
  contentLanguage?: string;
}

const FALLBACK_EXPLANATION = 'The account was used in a way the terms of service do not allow.';

const IP_CATEGORY: StatementCategory = 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS';
const CATEGORY_BY_REASON: Readonly<Record<string, StatementCategory>> = {
  payment_fraud: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  spam: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  model_distillation: IP_CATEGORY,
  automated_extraction: IP_CATEGORY,
  tos_rival_training: IP_CATEGORY,
};

export function categoryFor(reasonCode: string): {
  category: StatementCategory;
  category_addition?: StatementCategory[];
} {
  const category = CATEGORY_BY_REASON[reasonCode] ?? 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC';
  // Extraction and rival training are first of all breaches of the terms; IP is the closest
  // Commission category, so the T&C category rides along to keep the statement honest.
  return category === IP_CATEGORY
    ? { category, category_addition: ['STATEMENT_CATEGORY_OTHER_VIOLATION_TC'] }
    : { category };
}

export function automatedDecisionFor(
  s: Pick<SuspensionForStatement, 'automatedDetection' | 'automatedDecision'>,
): AutomatedDecision {
  if (s.automatedDecision) return 'AUTOMATED_DECISION_FULLY';
  // A detector flagged it and a person confirmed: the Commission's "partially".
  return s.automatedDetection ? 'AUTOMATED_DECISION_PARTIALLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED';
}

/**
 * Builds the statement for one suspension. Output is not validated here, so a caller that
 * submits to the Commission should run `validateStatementOfReasons` first.
 *
 * Lifted suspensions: the restriction was a temporary suspension that has ended, so it is reported
 * as DECISION_ACCOUNT_SUSPENDED / TOTAL_SUSPENSION with the lift date as the end of the account,
 * service and (when a balance was frozen) monetary restriction — the balance is released on lift.
 * Without a recorded lift date the end dates are omitted rather than guessed.
 */
export function toStatementOfReasons(
  s: SuspensionForStatement,
  options: StatementOptions = {},
): DsaStatementOfReasons {
  const applicationDate = clampDay(requireDay(s.suspendedAt, 'suspendedAt'), DATE_RANGES.application_date);
  const terminated = s.status === 'upheld';
  const frozen = s.frozenBalance.amountMinor > 0;
  const endDate = s.status === 'lifted' ? endOfRestriction(s.liftedAt, applicationDate) : undefined;
  const who: PersonalData = { accountId: s.accountId, accountEmail: s.accountEmail };
  const explanation = redactPersonalData(s.statementOfReasons, who).trim() || FALLBACK_EXPLANATION;

  const statement: DsaStatementOfReasons = {
    decision_account: terminated ? 'DECISION_ACCOUNT_TERMINATED' : 'DECISION_ACCOUNT_SUSPENDED',
    decision_provision: terminated
      ? 'DECISION_PROVISION_TOTAL_TERMINATION'
      : 'DECISION_PROVISION_TOTAL_SUSPENSION',
    ...(frozen && {
      decision_monetary: 'DECISION_MONETARY_OTHER',
      decision_monetary_other: describeFrozenBalance(s.frozenBalance, s.status === 'lifted'),
    }),
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    ...referenceUrl(s.policyUrl, who),
    incompatible_content_ground: truncate(
      redactPersonalData(s.policyClause, who).trim() || 'Terms of service',
      FIELD_MAX_LENGTH.incompatible_content_ground,
    ),
    incompatible_content_explanation: truncate(
      explanation,
      FIELD_MAX_LENGTH.incompatible_content_explanation,
    ),
    content_type: ['CONTENT_TYPE_OTHER'],
    content_type_other: 'API usage',
    ...categoryFor(s.reasonCode),
    ...territorialScope(options.territorialScope),
    ...(options.contentLanguage ? { content_language: options.contentLanguage.trim().toUpperCase() } : {}),
    content_date: contentDate(s.accountCreatedAt, applicationDate),
    application_date: applicationDate,
    ...(endDate && {
      end_date_account_restriction: endDate,
      end_date_service_restriction: endDate,
      ...(frozen && { end_date_monetary_restriction: endDate }),
    }),
    decision_facts: truncate(explanation, FIELD_MAX_LENGTH.decision_facts),
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: s.automatedDetection ? 'Yes' : 'No',
    automated_decision: automatedDecisionFor(s),
    puid: s.id,
  };
  return statement;
}

/** Amount and currency only: the statement is public, the account behind it must not be. */
export function describeFrozenBalance(
  balance: { amountMinor: number; currency: string },
  released: boolean,
): string {
  const text = `A prepaid balance of ${formatMinor(balance.amountMinor, balance.currency)} was frozen when the account was suspended.`;
  return released ? `${text} It was released when the suspension was lifted.` : text;
}

function formatMinor(amountMinor: number, currency: string): string {
  const code = currency.toUpperCase();
  const digits = fractionDigits(code);
  const abs = Math.abs(amountMinor);
  const major = Math.floor(abs / 10 ** digits);
  const minor = digits > 0 ? `.${String(abs % 10 ** digits).padStart(digits, '0')}` : '';
  return `${amountMinor < 0 ? '-' : ''}${major}${minor} ${code}`;
}

/** ISO 4217 exponent (JPY 0, EUR 2, KWD 3); an unknown code falls back to 2. */
function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

function referenceUrl(
  url: string | undefined,
  who: PersonalData,
): Pick<DsaStatementOfReasons, 'decision_ground_reference_url'> {
  if (!url) return {};
  const trimmed = url.trim();
  // A URL that needed redacting (mailto:, ?user=…) is not worth publishing in a broken form.
  const clean = redactPersonalData(trimmed, who) === trimmed;
  const fits = Array.from(trimmed).length <= FIELD_MAX_LENGTH.decision_ground_reference_url;
  return clean && fits && /^https?:\/\//i.test(trimmed) ? { decision_ground_reference_url: trimmed } : {};
}

function territorialScope(scope: string[] | undefined): Pick<DsaStatementOfReasons, 'territorial_scope'> {
  if (scope === undefined) return { territorial_scope: [...EU_EEA_COUNTRY_CODES] };
  const codes = [...new Set(scope.map((c) => c.trim().toUpperCase()))];
  return codes.length > 0 ? { territorial_scope: codes } : {};
}

/**
 * Registration date when the enforcement system sent one, else the suspension date. Never after
 * the application date: an account cannot be registered after it was restricted, so a later
 * value is bad data and the restriction date is the best truth we have.
 */
function contentDate(accountCreatedAt: Date | null, applicationDate: string): string {
  const registered = accountCreatedAt ? isoDay(accountCreatedAt) : null;
  const day = registered && registered < applicationDate ? registered : applicationDate;
  return clampDay(day, DATE_RANGES.content_date);
}

function endOfRestriction(liftedAt: Date | null | undefined, applicationDate: string): string | undefined {
  const day = liftedAt ? isoDay(liftedAt) : null;
  if (!day) return undefined;
  return clampDay(day < applicationDate ? applicationDate : day, DATE_RANGES.end_date_account_restriction);
}

function requireDay(date: Date, field: string): string {
  const day = isoDay(date);
  if (!day)
    throw new DomainError('validation_failed', `${field} is not a valid date`, [
      { field, message: 'invalid date' },
    ]);
  return day;
}

const FIRST_FOUR_DIGIT_DAY = Date.parse('0000-01-01T00:00:00Z');
const LAST_FOUR_DIGIT_DAY = Date.parse('9999-12-31T00:00:00Z');

/** UTC calendar day, the only date form the Commission accepts. */
function isoDay(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  // Outside years 0000–9999 toISOString() switches to "+010000-…", which would sort wrongly.
  return new Date(Math.min(Math.max(time, FIRST_FOUR_DIGIT_DAY), LAST_FOUR_DIGIT_DAY))
    .toISOString()
    .slice(0, 10);
}

function clampDay(day: string, range: { min?: string; max: string }): string {
  if (range.min && day < range.min) return range.min;
  return day > range.max ? range.max : day;
}
