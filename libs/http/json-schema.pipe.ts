import type { PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { TSchema } from '@sinclair/typebox';
import {
  CURRENCY_MESSAGE,
  DomainError,
  identifierProblem,
  isCurrencyCode,
  trimText,
  type FieldError,
} from '@redress/kernel';
import Ajv, { type ErrorObject, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import isEmail from 'validator/lib/isEmail';
import isUUID from 'validator/lib/isUUID';
import { textLengthProblem } from './trim';
import { describeFieldErrors } from './validation';

/**
 * Schema keywords beyond JSON Schema (they also appear, as OpenAPI extensions, in /docs-json):
 * - `x-trim`: the string is trimmed (trimText) before it is checked, and its minLength and maxLength
 *   count visible characters (visibleLength), as @TrimmedText does on every other route;
 * - `x-not-after-now`: a date-time no later than now plus this many milliseconds;
 * - `x-not-before`: a date-time no earlier than this one;
 * - `x-identifier`: names an account or principal, so follows the rules of identifierProblem;
 * - `x-currency`: an ISO 4217 code of CURRENCY_CODES.
 */
export const TRIM = 'x-trim';
export const NOT_AFTER_NOW = 'x-not-after-now';
export const NOT_BEFORE = 'x-not-before';
export const IDENTIFIER = 'x-identifier';
export const CURRENCY = 'x-currency';
// what minLength/maxLength of an x-trim string become in the schema ajv compiles (see forAjv)
const TEXT_LENGTH = 'x-text-length';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, ['date-time']);
// the same checks class-validator's @IsEmail/@IsUUID make on every other route
ajv.addFormat('email', { type: 'string', validate: (value) => isEmail(value) });
ajv.addFormat('uuid', { type: 'string', validate: (value) => isUUID(value) });
ajv.addVocabulary(['example']); // OpenAPI's annotation
ajv.addKeyword({ keyword: TRIM, schemaType: 'boolean' });

/** A keyword on strings whose check names its own problem (null: none), which becomes the error message. */
function addStringKeyword<S>(
  keyword: string,
  schemaType: 'number' | 'string' | 'array' | 'boolean',
  problem: (schema: S, value: string) => string | null,
): void {
  const validate: SchemaValidateFunction = (schema: S, value: string) => {
    const message = problem(schema, value);
    validate.errors = message === null ? [] : [{ keyword, message, params: {} }];
    return message === null;
  };
  ajv.addKeyword({ keyword, type: 'string', schemaType, errors: true, validate });
}

addStringKeyword(NOT_AFTER_NOW, 'number', (slackMs: number, value) =>
  Date.parse(value) > Date.now() + slackMs ? 'must not be in the future' : null,
);
addStringKeyword(NOT_BEFORE, 'string', (earliest: string, value) =>
  Date.parse(value) < Date.parse(earliest) ? `must not be before ${earliest}` : null,
);
addStringKeyword(IDENTIFIER, 'boolean', (enabled: boolean, value) =>
  enabled ? identifierProblem(value) : null,
);
addStringKeyword(CURRENCY, 'boolean', (enabled: boolean, value) =>
  enabled && !isCurrencyCode(value) ? CURRENCY_MESSAGE : null,
);
addStringKeyword(TEXT_LENGTH, 'array', ([min, max]: [number, number], value) =>
  textLengthProblem(value, min, max),
);

const MESSAGES: Record<string, (e: ErrorObject) => string> = {
  required: (e) => `${e.params.missingProperty} is required`,
  additionalProperties: (e) => `property ${e.params.additionalProperty} should not exist`,
  enum: (e) => `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`,
  format: (e) => `must be ${e.params.format === 'email' ? 'an e-mail address' : `a ${e.params.format}`}`,
};

/**
 * The schema as ajv compiles it: on x-trim strings, minLength and maxLength move into TEXT_LENGTH, so
 * that they count visible characters; the schema as published (and documented) keeps them.
 */
function forAjv(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map(forAjv);
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, forAjv(value)]));
  if (copy[TRIM] !== true || (copy.minLength === undefined && copy.maxLength === undefined)) return copy;
  const { minLength = 0, maxLength = Infinity, ...rest } = copy;
  return { ...rest, [TEXT_LENGTH]: [minLength, maxLength] };
}

/**
 * Validates a body against a JSON schema compiled once (ajv), for routes where class-validator's
 * per-object cost shows: a ban-wave batch of 10,000 items validates in milliseconds instead of a
 * second. Errors are the same `validation_failed` problem, field paths as the ValidationPipe names
 * them (`items[3].accountEmail`). The body's TypeScript type is the schema's (TypeBox `Static`).
 */
export class JsonSchemaPipe implements PipeTransform<unknown> {
  private readonly validate: ValidateFunction;

  constructor(private readonly schema: TSchema) {
    this.validate = ajv.compile(forAjv(schema) as TSchema);
  }

  transform(body: unknown): unknown {
    trimStrings(this.schema, body);
    if (this.validate(body)) return body;
    const errors = (this.validate.errors ?? []).map(toFieldError);
    throw new DomainError('validation_failed', describeFieldErrors(errors), errors);
  }
}

function trimStrings(schema: TSchema, value: unknown): void {
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item) => trimStrings(schema.items as TSchema, item));
    return;
  }
  if (typeof value !== 'object' || value === null || !schema.properties) return;
  const object = value as Record<string, unknown>;
  for (const [key, property] of Object.entries(schema.properties as Record<string, TSchema>)) {
    if (!Object.hasOwn(object, key)) continue;
    if (property[TRIM] && typeof object[key] === 'string') object[key] = trimText(object[key]);
    else trimStrings(property, object[key]);
  }
}

function toFieldError(error: ErrorObject): FieldError {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const child = error.params.missingProperty ?? error.params.additionalProperty;
  if (typeof child === 'string') path.push(child);
  const field = path.reduce(
    (joined, segment) =>
      /^\d+$/.test(segment) ? `${joined}[${segment}]` : joined ? `${joined}.${segment}` : segment,
    '',
  );
  return { field, message: MESSAGES[error.keyword]?.(error) ?? error.message ?? 'is invalid' };
}

/** Documents a JsonSchemaPipe body with its schema (TypeBox's types are JSON Schema's, not OpenAPI 3.0's). */
export const ApiJsonSchemaBody = (schema: TSchema): MethodDecorator =>
  ApiBody({ schema: schema as unknown as SchemaObject });
