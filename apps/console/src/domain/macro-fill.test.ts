import { describe, expect, it } from 'vitest';
import type { components } from '@redress/sdk';
import { fillMacro, placeholderValues, rankMacros, unfilled } from './macro-fill';

type Macro = components['schemas']['MacroResponse'];

const macro = (name: string, locale: Macro['locale'], reasonCode: Macro['reasonCode']): Macro => ({
  id: name,
  name,
  kind: 'decision',
  outcome: 'overturned',
  reasonCode,
  locale,
  body: '',
  createdBy: 'admin_1',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  version: 1,
});

describe('macro placeholders', () => {
  const values = placeholderValues(
    {
      policyClause: 'ToS §4.2',
      reasonCode: 'model_distillation',
      appealDeadline: '2027-05-01T00:00:00Z',
      suspendedAt: '2026-11-02T00:00:00Z',
      decisionDueAt: '2026-11-16T00:00:00Z',
      accountId: 'acct_7',
      frozenBalance: { amountMinor: 150000, currency: 'USD' },
      refundable: { amountMinor: 137500, currency: 'USD' },
    },
    {
      money: (m) => `${m.amountMinor / 100} ${m.currency}`,
      date: (iso) => iso.slice(0, 10),
      reason: (code) => code.replace('_', ' '),
    },
  );

  it('fills each placeholder it has a value for, spaces inside the braces allowed', () => {
    expect(
      fillMacro(
        'Under {{policyClause}} ({{ reasonCode }}), {{frozenBalance}} frozen, {{refundableAmount}} refundable; appeal by {{appealDeadline}}.',
        values,
      ),
    ).toBe(
      'Under ToS §4.2 (model distillation), 1500 USD frozen, 1375 USD refundable; appeal by 2027-05-01.',
    );
  });

  it('leaves a placeholder without a value visible, to be completed', () => {
    const text = fillMacro('Wave {{waveName}}, account {{accountId}}, {{unknown}}', values);
    expect(text).toBe('Wave {{waveName}}, account acct_7, {{unknown}}');
    expect(unfilled(text)).toEqual(['waveName', 'unknown']);
  });

  it('offers the appellant’s language first, then the case’s reason before any reason', () => {
    const ranked = rankMacros(
      [
        macro('b en any', 'en', null),
        macro('a zh any', 'zh-CN', null),
        macro('c en spam', 'en', 'spam'),
        macro('d zh spam', 'zh-CN', 'spam'),
      ],
      'zh-CN',
      'spam',
    );
    expect(ranked.map((m) => m.name)).toEqual(['d zh spam', 'a zh any', 'c en spam', 'b en any']);
  });
});
