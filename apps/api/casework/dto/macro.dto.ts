import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MACRO_KINDS, MACRO_PLACEHOLDERS, type Macro, type MacroKind } from '@redress/casework';
import { PageQuery, TrimmedText } from '@redress/http';
import {
  DECISION_OUTCOMES,
  LOCALES,
  REASON_CODES,
  type DecisionOutcome,
  type Locale,
  type ReasonCode,
} from '@redress/kernel';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';

const BODY_DESCRIPTION = `The text, with placeholders the console fills from the case before sending: ${MACRO_PLACEHOLDERS.map((p) => `\`{{${p}}}\``).join(', ')}`;

export class CreateMacroRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Ask for the invoices' })
  @TrimmedText(1, 200)
  name: string;
  @ApiProperty({ enum: MACRO_KINDS }) @IsIn(MACRO_KINDS) kind: MacroKind;
  @ApiPropertyOptional({ enum: DECISION_OUTCOMES, description: 'Decision macros only (required there)' })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  outcome?: DecisionOutcome;
  @ApiPropertyOptional({
    enum: REASON_CODES,
    description: 'The reason code it is written for; absent for any',
  })
  @IsOptional()
  @IsIn(REASON_CODES)
  reasonCode?: ReasonCode;
  @ApiProperty({ enum: LOCALES, description: 'The language it is written in' }) @IsIn(LOCALES) locale: Locale;
  @ApiProperty({
    minLength: 1,
    maxLength: 10000,
    description: BODY_DESCRIPTION,
    example: 'Under {{policyClause}} we need the invoices behind your balance of {{frozenBalance}}.',
  })
  @TrimmedText(1, 10000)
  body: string;
}

/** Any of the fields; `outcome` and `reasonCode` may be null to clear them. */
export class UpdateMacroRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 }) @IsOptional() @TrimmedText(1, 200) name?: string;
  @ApiPropertyOptional({ enum: MACRO_KINDS }) @IsOptional() @IsIn(MACRO_KINDS) kind?: MacroKind;
  @ApiPropertyOptional({ enum: DECISION_OUTCOMES, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsIn(DECISION_OUTCOMES)
  outcome?: DecisionOutcome | null;
  @ApiPropertyOptional({ enum: REASON_CODES, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsIn(REASON_CODES)
  reasonCode?: ReasonCode | null;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
  @ApiPropertyOptional({ minLength: 1, maxLength: 10000, description: BODY_DESCRIPTION })
  @IsOptional()
  @TrimmedText(1, 10000)
  body?: string;
}

export class MacroListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MACRO_KINDS }) @IsOptional() @IsIn(MACRO_KINDS) kind?: MacroKind;
  @ApiPropertyOptional({
    enum: REASON_CODES,
    description: 'The macros written for this reason code and those for any',
  })
  @IsOptional()
  @IsIn(REASON_CODES)
  reasonCode?: ReasonCode;
  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES) locale?: Locale;
}

export class MacroResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MACRO_KINDS }) kind: string;
  @ApiProperty({ enum: DECISION_OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ enum: REASON_CODES, nullable: true, type: String }) reasonCode: string | null;
  @ApiProperty({ enum: LOCALES }) locale: string;
  @ApiProperty({ description: BODY_DESCRIPTION }) body: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export const toMacroResponse = (m: Macro): MacroResponse => ({
  ...m,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});
