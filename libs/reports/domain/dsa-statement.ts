/**
 * The statement-of-reasons layout of the EU DSA Transparency Database
 * (docs/DSA-STATEMENT-OF-REASONS.md). Field names stay snake_case on purpose: this object is
 * sent to the Commission as-is, so it is the one place where Redress does not use camelCase.
 */

export const DECISION_VISIBILITIES = [
  'DECISION_VISIBILITY_CONTENT_REMOVED',
  'DECISION_VISIBILITY_CONTENT_DISABLED',
  'DECISION_VISIBILITY_CONTENT_DEMOTED',
  'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_LABELLED',
  'DECISION_VISIBILITY_OTHER',
] as const;

export const DECISION_MONETARIES = [
  'DECISION_MONETARY_SUSPENSION',
  'DECISION_MONETARY_TERMINATION',
  'DECISION_MONETARY_OTHER',
] as const;

export const DECISION_PROVISIONS = [
  'DECISION_PROVISION_PARTIAL_SUSPENSION',
  'DECISION_PROVISION_TOTAL_SUSPENSION',
  'DECISION_PROVISION_PARTIAL_TERMINATION',
  'DECISION_PROVISION_TOTAL_TERMINATION',
] as const;

export const DECISION_ACCOUNTS = ['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED'] as const;

export const ACCOUNT_TYPES = ['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE'] as const;

export const DECISION_GROUNDS = [
  'DECISION_GROUND_ILLEGAL_CONTENT',
  'DECISION_GROUND_INCOMPATIBLE_CONTENT',
] as const;

export const YES_NO = ['Yes', 'No'] as const;

export const CONTENT_TYPES = [
  'CONTENT_TYPE_APP',
  'CONTENT_TYPE_AUDIO',
  'CONTENT_TYPE_IMAGE',
  'CONTENT_TYPE_PRODUCT',
  'CONTENT_TYPE_SYNTHETIC_MEDIA',
  'CONTENT_TYPE_TEXT',
  'CONTENT_TYPE_VIDEO',
  'CONTENT_TYPE_OTHER',
] as const;

export const STATEMENT_CATEGORIES = [
  'STATEMENT_CATEGORY_ANIMAL_WELFARE',
  'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN',
  'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
  'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
  'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
  'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'STATEMENT_CATEGORY_SELF_HARM',
  'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
  'STATEMENT_CATEGORY_VIOLENCE',
] as const;

/** The Commission keeps a long, growing KEYWORD_* list; we check the shape, not membership. */
export const CATEGORY_SPECIFICATION_PATTERN = /^KEYWORD_[A-Z0-9_]+$/;

// prettier-ignore
export const EU_EEA_COUNTRY_CODES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE',
  'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

/**
 * The 24 official EU languages plus Icelandic and Norwegian (EEA). The Commission itself accepts
 * any ISO 639-1 code; the doc asks for an EU language, so we stay inside that stricter set.
 */
// prettier-ignore
export const CONTENT_LANGUAGES = [
  'BG', 'CS', 'DA', 'DE', 'EL', 'EN', 'ES', 'ET', 'FI', 'FR', 'GA', 'HR', 'HU', 'IT',
  'LT', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SL', 'SV', 'IS', 'NO',
] as const;

export const SOURCE_TYPES = [
  'SOURCE_ARTICLE_16',
  'SOURCE_TRUSTED_FLAGGER',
  'SOURCE_TYPE_OTHER_NOTIFICATION',
  'SOURCE_VOLUNTARY',
] as const;

export const AUTOMATED_DECISIONS = [
  'AUTOMATED_DECISION_FULLY',
  'AUTOMATED_DECISION_PARTIALLY',
  'AUTOMATED_DECISION_NOT_AUTOMATED',
] as const;

export const PUID_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** Maximum lengths in characters (Unicode code points, as the Commission's PHP validator counts). */
export const FIELD_MAX_LENGTH = {
  decision_visibility_other: 500,
  decision_monetary_other: 500,
  decision_ground_reference_url: 500,
  illegal_content_legal_ground: 500,
  illegal_content_explanation: 2000,
  incompatible_content_ground: 500,
  incompatible_content_explanation: 2000,
  content_type_other: 500,
  category_specification_other: 500,
  decision_facts: 5000,
  source_identity: 500,
  puid: 500,
} as const;

/** Inclusive bounds, as YYYY-MM-DD strings (which order correctly as plain strings). */
export const DATE_RANGES = {
  content_date: { min: '2000-01-01', max: '2038-01-01' },
  application_date: { min: '2020-01-01', max: '2038-01-01' },
  end_date_account_restriction: { min: undefined, max: '2038-01-01' },
  end_date_monetary_restriction: { min: undefined, max: '2038-01-01' },
  end_date_service_restriction: { min: undefined, max: '2038-01-01' },
  end_date_visibility_restriction: { min: undefined, max: '2038-01-01' },
} as const;

export type DecisionVisibility = (typeof DECISION_VISIBILITIES)[number];
export type DecisionMonetary = (typeof DECISION_MONETARIES)[number];
export type DecisionProvision = (typeof DECISION_PROVISIONS)[number];
export type DecisionAccount = (typeof DECISION_ACCOUNTS)[number];
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type DecisionGround = (typeof DECISION_GROUNDS)[number];
export type YesNo = (typeof YES_NO)[number];
export type ContentType = (typeof CONTENT_TYPES)[number];
export type StatementCategory = (typeof STATEMENT_CATEGORIES)[number];
export type CountryCode = (typeof EU_EEA_COUNTRY_CODES)[number];
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
export type SourceType = (typeof SOURCE_TYPES)[number];
export type AutomatedDecision = (typeof AUTOMATED_DECISIONS)[number];

export interface DsaStatementOfReasons {
  decision_visibility?: DecisionVisibility[];
  decision_visibility_other?: string;
  decision_monetary?: DecisionMonetary;
  decision_monetary_other?: string;
  decision_provision?: DecisionProvision;
  decision_account?: DecisionAccount;
  account_type?: AccountType;
  decision_ground: DecisionGround;
  decision_ground_reference_url?: string;
  illegal_content_legal_ground?: string;
  illegal_content_explanation?: string;
  incompatible_content_ground?: string;
  incompatible_content_explanation?: string;
  incompatible_content_illegal?: YesNo;
  content_type: ContentType[];
  content_type_other?: string;
  category: StatementCategory;
  category_addition?: StatementCategory[];
  category_specification?: string[];
  category_specification_other?: string;
  territorial_scope?: string[];
  content_language?: string;
  content_date: string;
  application_date: string;
  end_date_account_restriction?: string;
  end_date_monetary_restriction?: string;
  end_date_service_restriction?: string;
  end_date_visibility_restriction?: string;
  decision_facts: string;
  source_type: SourceType;
  source_identity?: string;
  automated_detection: YesNo;
  automated_decision: AutomatedDecision;
  puid: string;
}

export type DsaField = keyof DsaStatementOfReasons;

/** Every field the Commission knows; anything else is a typo on our side. */
// prettier-ignore
export const DSA_FIELDS: readonly DsaField[] = [
  'decision_visibility', 'decision_visibility_other', 'decision_monetary', 'decision_monetary_other',
  'decision_provision', 'decision_account', 'account_type', 'decision_ground',
  'decision_ground_reference_url', 'illegal_content_legal_ground', 'illegal_content_explanation',
  'incompatible_content_ground', 'incompatible_content_explanation', 'incompatible_content_illegal',
  'content_type', 'content_type_other', 'category', 'category_addition', 'category_specification',
  'category_specification_other', 'territorial_scope', 'content_language', 'content_date',
  'application_date', 'end_date_account_restriction', 'end_date_monetary_restriction',
  'end_date_service_restriction', 'end_date_visibility_restriction', 'decision_facts', 'source_type',
  'source_identity', 'automated_detection', 'automated_decision', 'puid',
];
