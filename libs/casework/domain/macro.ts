import { DomainError, type DecisionOutcome, type Locale, type ReasonCode } from '@redress/kernel';

/** What a macro writes: a request for information, a decision's rationale, or an internal note. */
export const MACRO_KINDS = ['request_info', 'decision', 'note'] as const;
export type MacroKind = (typeof MACRO_KINDS)[number];

/**
 * The placeholders a macro's body may hold, as `{{name}}`; the console fills them from the case
 * before the text is sent, and the reviewer may still edit it.
 */
export const MACRO_PLACEHOLDERS = [
  'policyClause',
  'reasonCode',
  'appealDeadline',
  'frozenBalance',
  'refundableAmount',
  'accountId',
  'suspendedAt',
  'decisionDueAt',
  'waveName',
] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];

export interface Macro {
  id: string;
  name: string;
  kind: MacroKind;
  /** decision macros only */
  outcome: DecisionOutcome | null;
  /** the reason code it is written for; null for any */
  reasonCode: ReasonCode | null;
  locale: Locale;
  body: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type MacroFields = Pick<Macro, 'name' | 'kind' | 'outcome' | 'reasonCode' | 'locale' | 'body'>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names of the placeholders in a body, in order of appearance. */
export const placeholdersIn = (body: string): string[] => [...body.matchAll(PLACEHOLDER)].map((m) => m[1]);

/**
 * The rules of a macro as a whole: a decision macro names its outcome, the others none, and its body
 * uses only the known placeholders (a misspelt one would reach the appellant unfilled).
 */
export function assertValidMacro(macro: MacroFields): void {
  const errors: { field: string; message: string }[] = [];
  if (macro.kind === 'decision' && !macro.outcome)
    errors.push({ field: 'outcome', message: 'a decision macro names its outcome' });
  if (macro.kind !== 'decision' && macro.outcome)
    errors.push({ field: 'outcome', message: 'only a decision macro has an outcome' });
  const unknown = placeholdersIn(macro.body).filter(
    (p) => !(MACRO_PLACEHOLDERS as readonly string[]).includes(p),
  );
  if (unknown.length > 0)
    errors.push({
      field: 'body',
      message: `unknown placeholders: ${unknown.map((p) => `{{${p}}}`).join(', ')}; known: ${MACRO_PLACEHOLDERS.join(', ')}`,
    });
  if (errors.length > 0) throw new DomainError('validation_failed', 'The macro is not valid', errors);
}
