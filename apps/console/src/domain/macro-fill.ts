import { MACRO_PLACEHOLDERS, placeholdersIn, type MacroPlaceholder } from '@libs/casework/domain/macro';
import type { Money } from '@redress/kernel';
import type { components } from '@redress/sdk';

type Macro = components['schemas']['MacroResponse'];

/** What the placeholders of a macro are filled from, already written out in the appellant's language. */
export type PlaceholderValues = Partial<Record<MacroPlaceholder, string>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The macro's body with every placeholder the case has a value for filled in; a placeholder without a
 * value stays as it is, visibly, for the reviewer to complete before sending.
 */
export function fillMacro(body: string, values: PlaceholderValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) =>
    (MACRO_PLACEHOLDERS as readonly string[]).includes(name) && values[name as MacroPlaceholder] !== undefined
      ? values[name as MacroPlaceholder]!
      : whole,
  );
}

/** The placeholders a filled text still holds (for a warning before sending). */
export const unfilled = (text: string): string[] => placeholdersIn(text);

/**
 * The macros to offer for a case, best first: in the appellant's language before others, written for
 * the case's reason code before those for any reason, then by name.
 */
export function rankMacros(macros: readonly Macro[], locale: string, reasonCode: string): Macro[] {
  const score = (m: Macro) => (m.locale === locale ? 0 : 2) + (m.reasonCode === reasonCode ? 0 : 1);
  return [...macros].sort((a, b) => score(a) - score(b) || a.name.localeCompare(b.name));
}

export interface CaseFacts {
  policyClause: string;
  reasonCode: string;
  appealDeadline: string;
  suspendedAt: string;
  decisionDueAt: string;
  accountId: string;
  frozenBalance: Money;
  refundable: Money;
  waveName?: string;
}

/** The case's values for the placeholders, formatted with `format` in the macro's own language. */
export function placeholderValues(
  facts: CaseFacts,
  format: { money: (m: Money) => string; date: (iso: string) => string; reason: (code: string) => string },
): PlaceholderValues {
  return {
    policyClause: facts.policyClause,
    reasonCode: format.reason(facts.reasonCode),
    appealDeadline: format.date(facts.appealDeadline),
    frozenBalance: format.money(facts.frozenBalance),
    refundableAmount: format.money(facts.refundable),
    accountId: facts.accountId,
    suspendedAt: format.date(facts.suspendedAt),
    decisionDueAt: format.date(facts.decisionDueAt),
    ...(facts.waveName !== undefined && { waveName: facts.waveName }),
  };
}
