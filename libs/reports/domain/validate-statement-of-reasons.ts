import type { FieldError } from '@redress/kernel';
import {
  AUTOMATED_DECISIONS,
  ACCOUNT_TYPES,
  CATEGORY_SPECIFICATION_PATTERN,
  CONTENT_LANGUAGES,
  CONTENT_TYPES,
  DATE_RANGES,
  DECISION_ACCOUNTS,
  DECISION_GROUNDS,
  DECISION_MONETARIES,
  DECISION_PROVISIONS,
  DECISION_VISIBILITIES,
  DSA_FIELDS,
  EU_EEA_COUNTRY_CODES,
  FIELD_MAX_LENGTH,
  PUID_PATTERN,
  SOURCE_TYPES,
  STATEMENT_CATEGORIES,
  YES_NO,
} from './dsa-statement';
import { charCount } from './redact';

type Statement = Record<string, unknown>;
type Fail = (field: string, message: string) => void;

const DECISION_FIELDS = [
  'decision_visibility',
  'decision_monetary',
  'decision_provision',
  'decision_account',
];

/**
 * Mirrors the Commission's validation rules, so a statement is rejected here, with the same
 * field names, rather than with a 422 from Brussels. Accepts `unknown` because it also checks
 * statements that did not come from `toStatementOfReasons`. Empty list = valid.
 */
export function validateStatementOfReasons(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: '', message: 'must be a JSON object' }];
  }
  const o = input as Statement;
  const fail: Fail = (field, message) => errors.push({ field, message });

  for (const key of Object.keys(o)) {
    if (!(DSA_FIELDS as readonly string[]).includes(key)) fail(key, 'is not a statement of reasons field');
  }
  checkDecisions(o, fail);
  checkGround(o, fail);
  checkContentAndCategory(o, fail);
  checkDates(o, fail);
  checkProvenance(o, fail);
  return errors;
}

function checkDecisions(o: Statement, fail: Fail): void {
  const anyDecision = DECISION_FIELDS.some((f) =>
    Array.isArray(o[f]) ? (o[f] as unknown[]).length > 0 : isSet(o[f]),
  );
  if (!anyDecision) {
    for (const f of DECISION_FIELDS) fail(f, `is required when none of ${DECISION_FIELDS.join(', ')} is set`);
  }
  enumArray(o, 'decision_visibility', DECISION_VISIBILITIES, false, fail);
  text(o, 'decision_visibility_other', includes(o.decision_visibility, 'DECISION_VISIBILITY_OTHER'), fail);
  oneOf(o, 'decision_monetary', DECISION_MONETARIES, false, fail);
  text(o, 'decision_monetary_other', o.decision_monetary === 'DECISION_MONETARY_OTHER', fail);
  oneOf(o, 'decision_provision', DECISION_PROVISIONS, false, fail);
  oneOf(o, 'decision_account', DECISION_ACCOUNTS, false, fail);
  oneOf(o, 'account_type', ACCOUNT_TYPES, false, fail);
}

function checkGround(o: Statement, fail: Fail): void {
  oneOf(o, 'decision_ground', DECISION_GROUNDS, true, fail);
  const illegal = o.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT';
  const incompatible = o.decision_ground === 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  text(o, 'illegal_content_legal_ground', illegal, fail);
  text(o, 'illegal_content_explanation', illegal, fail);
  text(o, 'incompatible_content_ground', incompatible, fail);
  text(o, 'incompatible_content_explanation', incompatible, fail);
  oneOf(o, 'incompatible_content_illegal', YES_NO, false, fail);
  if (
    text(o, 'decision_ground_reference_url', false, fail) &&
    !isHttpUrl(o.decision_ground_reference_url as string)
  ) {
    fail('decision_ground_reference_url', 'must be an http(s) URL');
  }
}

function checkContentAndCategory(o: Statement, fail: Fail): void {
  enumArray(o, 'content_type', CONTENT_TYPES, true, fail);
  text(o, 'content_type_other', includes(o.content_type, 'CONTENT_TYPE_OTHER'), fail);
  oneOf(o, 'category', STATEMENT_CATEGORIES, true, fail);
  enumArray(o, 'category_addition', STATEMENT_CATEGORIES, false, fail);
  if (isSet(o.category_specification)) {
    if (!Array.isArray(o.category_specification)) fail('category_specification', 'must be an array');
    else
      o.category_specification.forEach((v, i) => {
        if (typeof v !== 'string' || !CATEGORY_SPECIFICATION_PATTERN.test(v)) {
          fail(`category_specification.${i}`, 'must be a KEYWORD_* value');
        }
      });
  }
  text(o, 'category_specification_other', false, fail);
  enumArray(o, 'territorial_scope', EU_EEA_COUNTRY_CODES, false, fail);
  oneOf(o, 'content_language', CONTENT_LANGUAGES, false, fail);
}

function checkDates(o: Statement, fail: Fail): void {
  for (const [field, range] of Object.entries(DATE_RANGES)) {
    const required = field === 'content_date' || field === 'application_date';
    const value = o[field];
    if (!isSet(value)) {
      if (required) fail(field, 'is required');
    } else if (typeof value !== 'string' || !isCalendarDay(value)) {
      fail(field, 'must be a date in the format YYYY-MM-DD');
    } else if ((range.min && value < range.min) || value > range.max) {
      fail(field, `must be between ${range.min ?? '0000-01-01'} and ${range.max}`);
    }
  }
}

function checkProvenance(o: Statement, fail: Fail): void {
  text(o, 'decision_facts', true, fail);
  oneOf(o, 'source_type', SOURCE_TYPES, true, fail);
  text(o, 'source_identity', false, fail);
  oneOf(o, 'automated_detection', YES_NO, true, fail);
  oneOf(o, 'automated_decision', AUTOMATED_DECISIONS, true, fail);
  if (text(o, 'puid', true, fail) && !PUID_PATTERN.test(o.puid as string)) {
    fail('puid', 'may only contain letters, digits, "-" and "_"');
  }
}

/** Checks presence, type and length; true when a usable string is there for further checks. */
function text(o: Statement, field: keyof typeof FIELD_MAX_LENGTH, required: boolean, fail: Fail): boolean {
  const value = o[field];
  const max = FIELD_MAX_LENGTH[field];
  let problem: string | null = null;
  if (!isSet(value) || (typeof value === 'string' && value.trim() === '')) {
    if (!required) return false;
    problem = 'is required';
  } else if (typeof value !== 'string') {
    problem = 'must be a string';
  } else if (charCount(value) > max) {
    problem = `must be at most ${max} characters`;
  }
  if (problem) fail(field, problem);
  return problem === null;
}

function oneOf(o: Statement, field: string, allowed: readonly string[], required: boolean, fail: Fail): void {
  const value = o[field];
  if (!isSet(value)) {
    if (required) fail(field, 'is required');
  } else if (typeof value !== 'string' || !allowed.includes(value)) {
    fail(field, `must be one of ${allowed.join(', ')}`);
  }
}

function enumArray(
  o: Statement,
  field: string,
  allowed: readonly string[],
  required: boolean,
  fail: Fail,
): void {
  const value = o[field];
  if (!isSet(value)) {
    if (required) fail(field, 'is required');
  } else if (!Array.isArray(value)) {
    fail(field, 'must be an array');
  } else if (required && value.length === 0) {
    fail(field, 'is required');
  } else {
    value.forEach((v, i) => {
      if (typeof v !== 'string' || !allowed.includes(v))
        fail(`${field}.${i}`, `must be one of ${allowed.join(', ')}`);
    });
  }
}

/** The Commission treats null like an absent field. */
function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function includes(list: unknown, value: string): boolean {
  return Array.isArray(list) && list.includes(value);
}

/** Format alone is not enough: 2024-02-30 matches YYYY-MM-DD but is not a day. */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
