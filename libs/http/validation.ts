import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, type FieldError } from '@redress/kernel';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

export function toFieldErrors(errors: ValidationError[]): FieldError[] {
  return flatten(errors);
}

/** Names the bad elements of a list (a batch's items) in the detail, so a client sees at once which to fix. */
export function describeFieldErrors(errors: FieldError[]): string {
  const indexes = new Map<string, Set<number>>();
  for (const { field } of errors) {
    const match = /^(\w+)\[(\d+)\]/.exec(field);
    if (match) indexes.set(match[1], (indexes.get(match[1]) ?? new Set()).add(Number(match[2])));
  }
  const lists = [...indexes].map(
    ([list, set]) => `${list} at index ${[...set].sort((a, b) => a - b).join(', ')}`,
  );
  return lists.length
    ? `The request has invalid fields: ${lists.join('; ')}`
    : 'The request has invalid fields';
}

/** whitelist + forbidNonWhitelisted: unknown fields are a 400, never silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      return new DomainError('validation_failed', describeFieldErrors(fieldErrors), fieldErrors);
    },
  });
}
