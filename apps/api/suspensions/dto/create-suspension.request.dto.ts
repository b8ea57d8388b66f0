import { ApiProperty } from '@nestjs/swagger';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CURRENCY, IDENTIFIER, NOT_AFTER_NOW, NOT_BEFORE, TRIM, TrimmedText } from '@redress/http';
import { MAX_AMOUNT_MINOR, MAX_BALANCE_MINOR, MAX_SUBJECT_LENGTH } from '@redress/kernel';
import {
  EARLIEST_SUSPENSION_DATE,
  LOCALES,
  REASON_CODES,
  type Locale,
  type NewSuspension,
  type ReasonCode,
} from '@redress/suspensions';

/*
 * Suspensions arrive by the ten thousand (ban waves), so their bodies are JSON schemas compiled once
 * (JsonSchemaPipe) rather than class-validator classes; the same schema documents the route.
 */
const text = (maxLength: number, options: object = {}) =>
  Type.String({ minLength: 1, maxLength, [TRIM]: true, ...options });
const oneOf = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
// the 60 s allow for the sender's clock running ahead of ours
const pastDateTime = (description: string) =>
  Type.String({
    format: 'date-time',
    [NOT_BEFORE]: EARLIEST_SUSPENSION_DATE,
    [NOT_AFTER_NOW]: 60_000,
    description: `${description}; not before ${EARLIEST_SUSPENSION_DATE} and not in the future`,
  });
const closed = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

const MoneyInput = closed({
  amountMinor: Type.Integer({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 12500,
    description:
      `Integer minor units (cents): at most ${MAX_AMOUNT_MINOR}, and with what the account already ` +
      `holds in the currency at most ${MAX_BALANCE_MINOR}, else 422 amount_out_of_range`,
  }),
  currency: Type.String({ [CURRENCY]: true, example: 'USD', description: 'ISO 4217 code in use' }),
});

const itemProperties = {
  // compared exactly with the appellant's token subject, so refused rather than trimmed
  accountId: Type.String({
    [IDENTIFIER]: true,
    example: 'acct_1',
    description: `1–${MAX_SUBJECT_LENGTH} characters, NFKC-normal, no white space, control or invisible characters`,
  }),
  externalRef: text(255, {
    example: 'enf-2026-000123',
    description: 'Unique per enforcement system; repeats are idempotent',
  }),
  reasonCode: oneOf<ReasonCode>(REASON_CODES),
  policyClause: text(500, { example: 'Terms of Service §4.2 (no model distillation)' }),
  statementOfReasons: text(5000, { description: 'The statement of reasons shown to the account holder' }),
  automatedDetection: Type.Boolean(),
  automatedDecision: Type.Boolean(),
  signals: Type.Optional(
    Type.Unsafe<Record<string, unknown>>({
      type: 'object',
      additionalProperties: true,
      description: 'Detector output; staff-only',
    }),
  ),
  detector: Type.Optional(
    Type.Object(
      { name: text(200, { example: 'distill-detector' }), version: text(100, { example: 'v3' }) },
      {
        additionalProperties: false,
        description:
          'The detector version that flagged the account (staff-only); without one, a wave’s detector applies',
      },
    ),
  ),
  frozenBalance: Type.Optional({
    ...MoneyInput,
    description: 'Prepaid balance frozen by the suspension (default 0 USD)',
  }),
  accountEmail: text(320, { minLength: 3, format: 'email', example: 'person@example.com' }),
  locale: Type.Optional(oneOf<Locale>(LOCALES, { default: 'en' })),
  accountCreatedAt: Type.Optional(pastDateTime('When the account was opened')),
  suspendedAt: Type.Optional(
    pastDateTime('Default: now. The appeal window runs from this or from receipt, whichever is later'),
  ),
};

const SuspensionBatchItemSchema = closed(itemProperties);
export type SuspensionBatchItem = Static<typeof SuspensionBatchItemSchema>;

// Schemas and their types are named apart: decorator metadata would take a same-named value for the type.
export const CreateSuspensionSchema = closed({
  ...itemProperties,
  waveId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type CreateSuspensionRequest = Static<typeof CreateSuspensionSchema>;

export const SuspensionBatchSchema = closed({
  waveId: Type.Optional(Type.String({ format: 'uuid', description: 'The ban wave every item belongs to' })),
  items: Type.Array(SuspensionBatchItemSchema, { minItems: 1, maxItems: 10_000 }),
});
export type SuspensionBatchRequest = Static<typeof SuspensionBatchSchema>;

/** The validated body as the domain takes it: date-times as Dates. */
export function toNewSuspension(input: SuspensionBatchItem & { waveId?: string }): NewSuspension {
  const { accountCreatedAt, suspendedAt, ...rest } = input;
  return {
    ...rest,
    ...(accountCreatedAt !== undefined && { accountCreatedAt: new Date(accountCreatedAt) }),
    ...(suspendedAt !== undefined && { suspendedAt: new Date(suspendedAt) }),
  };
}

export class LiftSuspensionRequest {
  @ApiProperty({ example: 'False positive: VPN relay detector misfired' })
  @TrimmedText(3, 2000)
  reason: string;
}

export class SuspensionBatchResponse {
  @ApiProperty({ description: 'Suspensions created (each gets a notice)' }) created: number;
  @ApiProperty({ description: 'Items whose externalRef already existed (or repeated within the batch)' })
  skipped: number;
}
