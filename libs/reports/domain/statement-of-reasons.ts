import { codePointLength, DomainError, trimText } from '@redress/kernel';
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
 * The decisions that each get a statement of their own (DSA Art. 17: every restriction and every
 * change to one): the suspension itself; its upholding on appeal (the restriction becomes a
 * termination); its lift (the restriction ends: end dates); and the reopening of an upheld appeal
 * (the termination is a suspension again while the appeal is reviewed once more).
 */
export const STATEMENT_DECISIONS = ['suspension', 'termination', 'lift', 'reopening'] as const;
export type StatementDecision = (typeof STATEMENT_DECISIONS)[number];

export interface DecisionForStatement {
  kind: StatementDecision;
  /** When the decision took effect. */
  takenAt: Date;
  puid: string;
}

/**
 * A decision's own puid: the suspension id for the first (what the statement of a suspension has
 * always carried), `<suspension id>-<n>` for its n-th. Decided by the suspension's history alone, so
 * publishing the same decision again can only collide, never invent a second puid.
 */
export function puidFor(suspensionId: string, seq: number): string {
  return seq === 1 ? suspensionId : `${suspensionId}-${seq}`;
}

/** The decision a suspension's status stands for, for suspensions that have no published statement. */
export function currentDecision(s: SuspensionForStatement): DecisionForStatement {
  const kind = s.status === 'upheld' ? 'termination' : s.status === 'lifted' ? 'lift' : 'suspension';
  const takenAt = kind === 'lift' && s.liftedAt ? s.liftedAt : s.suspendedAt;
  return { kind, takenAt, puid: s.id };
}

/**
 * Builds the statement of one decision on a suspension. Output is not validated here, so a caller that
 * submits to the Commission should run `validateStatementOfReasons` first.
 *
 * A lift reports the restriction that ended: DECISION_ACCOUNT_SUSPENDED / TOTAL_SUSPENSION from the
 * suspension date, with the lift date as the end of the account, service and (when a balance was
 * frozen) monetary restriction — the balance is released on lift. A termination and a reopening apply
 * from their own date. Dates outside the ranges the database accepts are moved into them and the
 * true dates stated in decision_facts, so nothing is changed without saying so.
 */
export function toStatementOfReasons(
  s: SuspensionForStatement,
  decision: DecisionForStatement = currentDecision(s),
  options: StatementOptions = {},
): DsaStatementOfReasons {
  const restrictedOn = requireDay(s.suspendedAt, 'suspendedAt');
  const effectiveOn =
    decision.kind === 'termination' || decision.kind === 'reopening'
      ? requireDay(decision.takenAt, 'takenAt')
      : restrictedOn;
  const application = inRange('application_date', effectiveOn);
  const content = inRange('content_date', contentDay(s.accountCreatedAt, effectiveOn));
  const terminated = decision.kind === 'termination';
  const lifted = decision.kind === 'lift';
  const frozen = s.frozenBalance.amountMinor > 0;
  const endDate = lifted ? endOfRestriction(decision.takenAt, application.day) : undefined;
  const who: PersonalData = { accountId: s.accountId, accountEmail: s.accountEmail };
  const explanation = trimText(redactPersonalData(s.statementOfReasons, who)) || FALLBACK_EXPLANATION;
  const notes = [
    decisionNote(decision),
    dateNote('The restriction took effect on', effectiveOn, application),
    dateNote(
      s.accountCreatedAt ? 'The account was registered on' : 'The behaviour was first seen on',
      contentDay(s.accountCreatedAt, effectiveOn),
      content,
    ),
  ].filter((note): note is string => note !== null);

  return {
    decision_account: terminated ? 'DECISION_ACCOUNT_TERMINATED' : 'DECISION_ACCOUNT_SUSPENDED',
    decision_provision: terminated
      ? 'DECISION_PROVISION_TOTAL_TERMINATION'
      : 'DECISION_PROVISION_TOTAL_SUSPENSION',
    ...(frozen && {
      decision_monetary: 'DECISION_MONETARY_OTHER',
      decision_monetary_other: describeFrozenBalance(s.frozenBalance, lifted),
    }),
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    ...referenceUrl(s.policyUrl, who),
    incompatible_content_ground: truncate(
      trimText(redactPersonalData(s.policyClause, who)) || 'Terms of service',
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
    ...(options.contentLanguage ? { content_language: trimText(options.contentLanguage).toUpperCase() } : {}),
    content_date: content.day,
    application_date: application.day,
    ...(endDate && {
      end_date_account_restriction: endDate,
      end_date_service_restriction: endDate,
      ...(frozen && { end_date_monetary_restriction: endDate }),
    }),
    decision_facts: withNotes(explanation, notes),
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: s.automatedDetection ? 'Yes' : 'No',
    automated_decision: automatedDecisionFor(s),
    puid: decision.puid,
  };
}

/** What this decision changed, in a sentence; the first statement needs none. */
function decisionNote(decision: DecisionForStatement): string | null {
  const on = isoDay(decision.takenAt);
  switch (decision.kind) {
    case 'suspension':
      return null;
    case 'termination':
      return `On ${on} the suspension was upheld on appeal: the account is terminated.`;
    case 'lift':
      return `On ${on} the suspension was lifted: the restriction ended.`;
    case 'reopening':
      return `On ${on} the appeal that upheld the suspension was reopened: the account is suspended again while it is reviewed.`;
  }
}

/** Says that a date was moved into the database's range, and what the true date is. */
function dateNote(what: string, trueDay: string, given: InRange): string | null {
  if (!given.moved) return null;
  const { min, max } = DATE_RANGES[given.field];
  return `${what} ${trueDay}; the Transparency Database takes ${given.field} values from ${min} to ${max} only, so ${given.day} is given.`;
}

/** The facts, cut to leave room for the notes, which are never cut. */
function withNotes(explanation: string, notes: string[]): string {
  if (notes.length === 0) return truncate(explanation, FIELD_MAX_LENGTH.decision_facts);
  const tail = `\n\n${notes.join(' ')}`;
  return truncate(explanation, FIELD_MAX_LENGTH.decision_facts - codePointLength(tail)) + tail;
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
  const trimmed = trimText(url);
  // A URL that needed redacting (mailto:, ?user=…) is not worth publishing in a broken form.
  const clean = redactPersonalData(trimmed, who) === trimmed;
  const fits = codePointLength(trimmed) <= FIELD_MAX_LENGTH.decision_ground_reference_url;
  return clean && fits && /^https?:\/\//i.test(trimmed) ? { decision_ground_reference_url: trimmed } : {};
}

function territorialScope(scope: string[] | undefined): Pick<DsaStatementOfReasons, 'territorial_scope'> {
  if (scope === undefined) return { territorial_scope: [...EU_EEA_COUNTRY_CODES] };
  const codes = [...new Set(scope.map((c) => trimText(c).toUpperCase()))];
  return codes.length > 0 ? { territorial_scope: codes } : {};
}

/**
 * Registration date when the enforcement system sent one, else the restriction date. Never after the
 * restriction: an account cannot be registered after it was restricted, so a later value is bad data
 * and the restriction date is the best truth we have.
 */
function contentDay(accountCreatedAt: Date | null, restrictedOn: string): string {
  const registered = accountCreatedAt ? isoDay(accountCreatedAt) : null;
  return registered && registered < restrictedOn ? registered : restrictedOn;
}

function endOfRestriction(liftedAt: Date, applicationDay: string): string | undefined {
  const day = isoDay(liftedAt);
  if (!day) return undefined;
  const range = DATE_RANGES.end_date_account_restriction;
  const end = day < applicationDay ? applicationDay : day;
  return end > range.max ? range.max : end;
}

type RangedField = 'content_date' | 'application_date';
interface InRange {
  field: RangedField;
  day: string;
  moved: boolean;
}

function inRange(field: RangedField, day: string): InRange {
  const range = DATE_RANGES[field];
  const given = day < range.min ? range.min : day > range.max ? range.max : day;
  return { field, day: given, moved: given !== day };
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
