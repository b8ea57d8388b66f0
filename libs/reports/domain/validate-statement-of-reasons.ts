import { codePointLength, trimText, type FieldError } from '@redress/kernel';
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
  type DsaField,
} from './dsa-statement';

/**
 * The Transparency Database's request rules for one statement, field by field, so that a statement is
 * refused here, with the same field names, rather than with a 422 from Brussels. Checked against the
 * public repository digital-services-act/transparency-database at commit
 * 242ba47f396a3ddf103034103d262148ea6e6d51: the rules its batch endpoint (POST /api/v1/statements)
 * applies to each statement (app/Services/GroupedSubmissionsService.php), which are those of
 * app/Http/Requests/StatementStoreRequest.php for one statement, and the enums of app/Models/Statement.php.
 *
 * As in Laravel, the input is first normalised the way its middleware does it: every string trimmed
 * (TrimStrings, our trimText) and an empty one turned into null (ConvertEmptyStringsToNull). Then:
 * - `required`: null, an empty string or an empty array is missing;
 * - `required_without_all`: one of the four decision_* fields must be set;
 * - `exclude_unless`: a field that does not apply (an *_other without its OTHER value, the grounds of
 *   the other decision ground) is left out unchecked, as the database drops it;
 * - `max`: code points after trimming (mb_strlen);
 * - `date_format:Y-m-d`: a real calendar day (2024-02-30 is refused), within the field's range.
 * Stricter than the database in two deliberate ways: a field it does not know is an error (a typo here
 * would silently drop data there), and a text field must be a string (PHP would count a number's digits).
 */
export function validateStatementOfReasons(input: unknown): FieldError[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: '', message: 'must be a JSON object' }];
  }
  const statement = normalise(input) as Statement;
  const errors: FieldError[] = [];
  for (const key of Object.keys(statement)) {
    if (!(DSA_FIELDS as readonly string[]).includes(key)) {
      errors.push({ field: key, message: 'is not a statement of reasons field' });
    }
  }
  for (const rule of FIELD_RULES) {
    if (rule.applies && !rule.applies(statement)) continue;
    const value = statement[rule.field];
    if (!isPresent(value)) {
      if (rule.required?.(statement)) errors.push({ field: rule.field, message: requiredMessage(rule) });
      continue;
    }
    errors.push(...rule.check(value).map(([path, message]) => ({ field: rule.field + path, message })));
  }
  return errors;
}

type Statement = Partial<Record<DsaField, unknown>>;
/** A problem with a value: the path below the field ('' for the field itself, '.2' for an element) and why. */
type Problem = [path: string, message: string];

interface FieldRule {
  field: DsaField;
  /** exclude_unless: when false the field is dropped, whatever it holds. */
  applies?: (s: Statement) => boolean;
  /** required / required_if / required_without_all. */
  required?: (s: Statement) => boolean;
  /** What is wrong with a present value. */
  check: (value: unknown) => Problem[];
  requiredWhen?: string;
}

const DECISION_FIELDS = [
  'decision_visibility',
  'decision_monetary',
  'decision_provision',
  'decision_account',
] as const satisfies readonly DsaField[];

const always = () => true;
const noDecision = (s: Statement) => DECISION_FIELDS.every((f) => !isPresent(s[f]));
const groundIs = (ground: string) => (s: Statement) => s.decision_ground === ground;
const listHas = (field: DsaField, value: string) => (s: Statement) =>
  Array.isArray(s[field]) && (s[field] as unknown[]).includes(value);
const valueIs = (field: DsaField, value: string) => (s: Statement) => s[field] === value;

const text =
  (field: keyof typeof FIELD_MAX_LENGTH) =>
  (value: unknown): Problem[] => {
    if (typeof value !== 'string') return [['', 'must be a string']];
    const max = FIELD_MAX_LENGTH[field];
    return codePointLength(value) > max ? [['', `must be at most ${max} characters`]] : [];
  };

const oneOf =
  (allowed: readonly string[]) =>
  (value: unknown): Problem[] =>
    typeof value === 'string' && allowed.includes(value)
      ? []
      : [['', `must be one of ${allowed.join(', ')}`]];

const listOf =
  (allowed: (v: string) => boolean, description: string) =>
  (value: unknown): Problem[] =>
    Array.isArray(value)
      ? value.flatMap((v, i): Problem[] =>
          typeof v === 'string' && allowed(v) ? [] : [[`.${i}`, `must be ${description}`]],
        )
      : [['', 'must be an array']];

const enumList = (allowed: readonly string[]) =>
  listOf((v) => allowed.includes(v), `one of ${allowed.join(', ')}`);

const day =
  (range: { min?: string; max: string }) =>
  (value: unknown): Problem[] => {
    if (typeof value !== 'string' || !isCalendarDay(value))
      return [['', 'must be a date in the format YYYY-MM-DD']];
    if (range.min && value < range.min) return [['', `must be on or after ${range.min}`]];
    return value > range.max ? [['', `must be on or before ${range.max}`]] : [];
  };

const url = (value: unknown): Problem[] => {
  const problems = text('decision_ground_reference_url')(value);
  return problems.length || isHttpUrl(value as string) ? problems : [['', 'must be an http(s) URL']];
};

const puid = (value: unknown): Problem[] => {
  const problems = text('puid')(value);
  return problems.length || PUID_PATTERN.test(value as string)
    ? problems
    : [['', 'may only contain letters, digits, "-" and "_"']];
};

const ILLEGAL = 'DECISION_GROUND_ILLEGAL_CONTENT';
const INCOMPATIBLE = 'DECISION_GROUND_INCOMPATIBLE_CONTENT';

/** One entry per field of the database's rules, in their order. */
const FIELD_RULES: readonly FieldRule[] = [
  ...DECISION_FIELDS.map((field): FieldRule => ({
    field,
    required: noDecision,
    requiredWhen: `none of ${DECISION_FIELDS.join(', ')} is set`,
    check:
      field === 'decision_visibility'
        ? enumList(DECISION_VISIBILITIES)
        : oneOf(
            {
              decision_monetary: DECISION_MONETARIES,
              decision_provision: DECISION_PROVISIONS,
              decision_account: DECISION_ACCOUNTS,
            }[field],
          ),
  })),
  {
    field: 'decision_visibility_other',
    applies: listHas('decision_visibility', 'DECISION_VISIBILITY_OTHER'),
    required: always,
    check: text('decision_visibility_other'),
  },
  {
    field: 'decision_monetary_other',
    applies: valueIs('decision_monetary', 'DECISION_MONETARY_OTHER'),
    required: always,
    check: text('decision_monetary_other'),
  },
  { field: 'account_type', check: oneOf(ACCOUNT_TYPES) },
  {
    field: 'category_specification',
    check: listOf((v) => CATEGORY_SPECIFICATION_PATTERN.test(v), 'a KEYWORD_* value'),
  },
  { field: 'category_specification_other', check: text('category_specification_other') },
  { field: 'decision_ground', required: always, check: oneOf(DECISION_GROUNDS) },
  { field: 'decision_ground_reference_url', check: url },
  {
    field: 'illegal_content_legal_ground',
    applies: groundIs(ILLEGAL),
    required: always,
    check: text('illegal_content_legal_ground'),
  },
  {
    field: 'illegal_content_explanation',
    applies: groundIs(ILLEGAL),
    required: always,
    check: text('illegal_content_explanation'),
  },
  {
    field: 'incompatible_content_ground',
    applies: groundIs(INCOMPATIBLE),
    required: always,
    check: text('incompatible_content_ground'),
  },
  {
    field: 'incompatible_content_explanation',
    applies: groundIs(INCOMPATIBLE),
    required: always,
    check: text('incompatible_content_explanation'),
  },
  { field: 'incompatible_content_illegal', applies: groundIs(INCOMPATIBLE), check: oneOf(YES_NO) },
  { field: 'content_type', required: always, check: enumList(CONTENT_TYPES) },
  {
    field: 'content_type_other',
    applies: listHas('content_type', 'CONTENT_TYPE_OTHER'),
    required: always,
    check: text('content_type_other'),
  },
  { field: 'category', required: always, check: oneOf(STATEMENT_CATEGORIES) },
  { field: 'category_addition', check: enumList(STATEMENT_CATEGORIES) },
  { field: 'territorial_scope', check: enumList(EU_EEA_COUNTRY_CODES) },
  { field: 'content_language', check: oneOf(CONTENT_LANGUAGES) },
  ...Object.entries(DATE_RANGES).map(([field, range]): FieldRule => ({
    field: field as DsaField,
    required: field === 'content_date' || field === 'application_date' ? always : undefined,
    check: day(range),
  })),
  { field: 'decision_facts', required: always, check: text('decision_facts') },
  { field: 'source_type', required: always, check: oneOf(SOURCE_TYPES) },
  { field: 'source_identity', check: text('source_identity') },
  { field: 'automated_detection', required: always, check: oneOf(YES_NO) },
  { field: 'automated_decision', required: always, check: oneOf(AUTOMATED_DECISIONS) },
  { field: 'puid', required: always, check: puid },
];

function requiredMessage(rule: FieldRule): string {
  return rule.requiredWhen ? `is required when ${rule.requiredWhen}` : 'is required';
}

/** TrimStrings, then ConvertEmptyStringsToNull, all the way down (arrays and objects too). */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = trimText(value);
    return trimmed === '' ? null : trimmed;
  }
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

/** Laravel's `required`: null, an empty string (already null here) and an empty array are missing. */
function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** Format alone is not enough: 2024-02-30 matches YYYY-MM-DD but is not a day (PHP re-formats and compares). */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
