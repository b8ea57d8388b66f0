import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCOUNT_TYPES,
  AUTOMATED_DECISIONS,
  CONTENT_LANGUAGES,
  CONTENT_TYPES,
  DECISION_ACCOUNTS,
  DECISION_GROUNDS,
  DECISION_MONETARIES,
  DECISION_PROVISIONS,
  DECISION_VISIBILITIES,
  EU_EEA_COUNTRY_CODES,
  FIELD_MAX_LENGTH,
  SOURCE_TYPES,
  STATEMENT_CATEGORIES,
  STATEMENT_DECISIONS,
  YES_NO,
  type AccountType,
  type AutomatedDecision,
  type ContentType,
  type DecisionAccount,
  type DecisionGround,
  type DecisionMonetary,
  type DecisionProvision,
  type DecisionVisibility,
  type DsaStatementOfReasons,
  type SourceType,
  type StatementCategory,
  type StatementDecision,
  type YesNo,
} from '@redress/reports';

const DAY = { type: String, format: 'date', example: '2025-06-01' } as const;
const text = (field: keyof typeof FIELD_MAX_LENGTH) => ({ type: String, maxLength: FIELD_MAX_LENGTH[field] });

/**
 * One statement in the EU DSA Transparency Database layout (docs/dsa.md):
 * snake_case on purpose, because the object is submitted to the Commission unchanged. It carries
 * no personal data: the account id and e-mail are removed from every free-text field.
 */
export class StatementOfReasonsResponse implements DsaStatementOfReasons {
  @ApiPropertyOptional({ enum: DECISION_VISIBILITIES, isArray: true })
  decision_visibility?: DecisionVisibility[];
  @ApiPropertyOptional(text('decision_visibility_other')) decision_visibility_other?: string;
  @ApiPropertyOptional({
    enum: DECISION_MONETARIES,
    description: 'DECISION_MONETARY_OTHER when a prepaid balance was frozen',
  })
  decision_monetary?: DecisionMonetary;
  @ApiPropertyOptional({
    ...text('decision_monetary_other'),
    example: 'A prepaid balance of 125.00 USD was frozen when the account was suspended.',
  })
  decision_monetary_other?: string;
  @ApiPropertyOptional({
    enum: DECISION_PROVISIONS,
    description: 'TOTAL_TERMINATION for an upheld suspension; TOTAL_SUSPENSION for every other decision',
  })
  decision_provision?: DecisionProvision;
  @ApiPropertyOptional({
    enum: DECISION_ACCOUNTS,
    description: 'TERMINATED for an upheld suspension; SUSPENDED for every other decision',
  })
  decision_account?: DecisionAccount;
  @ApiPropertyOptional({ enum: ACCOUNT_TYPES }) account_type?: AccountType;
  @ApiProperty({ enum: DECISION_GROUNDS, example: 'DECISION_GROUND_INCOMPATIBLE_CONTENT' })
  decision_ground: DecisionGround;
  @ApiPropertyOptional({ ...text('decision_ground_reference_url'), format: 'uri' })
  decision_ground_reference_url?: string;
  @ApiPropertyOptional(text('illegal_content_legal_ground')) illegal_content_legal_ground?: string;
  @ApiPropertyOptional(text('illegal_content_explanation')) illegal_content_explanation?: string;
  @ApiPropertyOptional({ ...text('incompatible_content_ground'), description: 'The policy clause' })
  incompatible_content_ground?: string;
  @ApiPropertyOptional({
    ...text('incompatible_content_explanation'),
    description: 'The statement of reasons, without personal data',
  })
  incompatible_content_explanation?: string;
  @ApiPropertyOptional({ enum: YES_NO }) incompatible_content_illegal?: YesNo;
  @ApiProperty({ enum: CONTENT_TYPES, isArray: true, example: ['CONTENT_TYPE_OTHER'] })
  content_type: ContentType[];
  @ApiPropertyOptional({ ...text('content_type_other'), example: 'API usage' }) content_type_other?: string;
  @ApiProperty({
    enum: STATEMENT_CATEGORIES,
    description:
      'payment_fraud, spam → SCAMS_AND_FRAUD; model_distillation, automated_extraction, ' +
      'tos_rival_training → INTELLECTUAL_PROPERTY_INFRINGEMENTS; anything else → OTHER_VIOLATION_TC',
  })
  category: StatementCategory;
  @ApiPropertyOptional({ enum: STATEMENT_CATEGORIES, isArray: true }) category_addition?: StatementCategory[];
  @ApiPropertyOptional({ type: [String], example: ['KEYWORD_OTHER'] }) category_specification?: string[];
  @ApiPropertyOptional(text('category_specification_other')) category_specification_other?: string;
  @ApiPropertyOptional({ enum: EU_EEA_COUNTRY_CODES, isArray: true, description: 'All EU/EEA countries' })
  territorial_scope?: string[];
  @ApiPropertyOptional({ enum: CONTENT_LANGUAGES }) content_language?: string;
  @ApiProperty({ ...DAY, description: 'Account registration date if known, else the suspension date' })
  content_date: string;
  @ApiProperty({ ...DAY, description: 'The suspension date' }) application_date: string;
  @ApiPropertyOptional({ ...DAY, description: 'Lift date of a lifted suspension' })
  end_date_account_restriction?: string;
  @ApiPropertyOptional(DAY) end_date_monetary_restriction?: string;
  @ApiPropertyOptional(DAY) end_date_service_restriction?: string;
  @ApiPropertyOptional(DAY) end_date_visibility_restriction?: string;
  @ApiProperty(text('decision_facts')) decision_facts: string;
  @ApiProperty({ enum: SOURCE_TYPES, example: 'SOURCE_VOLUNTARY' }) source_type: SourceType;
  @ApiPropertyOptional(text('source_identity')) source_identity?: string;
  @ApiProperty({ enum: YES_NO }) automated_detection: YesNo;
  @ApiProperty({ enum: AUTOMATED_DECISIONS }) automated_decision: AutomatedDecision;
  @ApiProperty({ ...text('puid'), pattern: '^[a-zA-Z0-9_-]+$', description: 'The suspension id' })
  puid: string;
}

/** A statement as published for one decision on a suspension; it never changes. */
export class PublishedStatementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The decision’s place among the suspension’s decisions, from 1', minimum: 1 })
  seq: number;
  @ApiProperty({
    enum: STATEMENT_DECISIONS,
    description:
      'suspension: the restriction; termination: upheld on appeal; lift: the restriction ended; ' +
      'reopening: an upheld appeal reopened, the account suspended again',
  })
  decision: StatementDecision;
  @ApiProperty({ description: 'The statement’s own puid: the suspension id for the first, <id>-<seq> after' })
  puid: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: StatementOfReasonsResponse }) statement: StatementOfReasonsResponse;
}

export class PublishedStatementsResponse {
  @ApiProperty({ type: PublishedStatementResponse, isArray: true }) data: PublishedStatementResponse[];
}
