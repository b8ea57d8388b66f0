import { assertValidMacro, placeholdersIn, type MacroFields } from './macro';

const macro = (fields: Partial<MacroFields>): MacroFields => ({
  name: 'Ask for invoices',
  kind: 'request_info',
  outcome: null,
  reasonCode: null,
  locale: 'en',
  body: 'Please send the invoices behind {{frozenBalance}}.',
  ...fields,
});

describe('macro rules', () => {
  it('finds the placeholders of a body', () => {
    expect(placeholdersIn('Under {{ policyClause }}, until {{appealDeadline}}.')).toEqual([
      'policyClause',
      'appealDeadline',
    ]);
  });

  it('a decision names its outcome, the other kinds none', () => {
    expect(() => assertValidMacro(macro({ kind: 'decision' }))).toThrow(/not valid/);
    expect(() => assertValidMacro(macro({ kind: 'note', outcome: 'upheld' }))).toThrow(/not valid/);
    expect(() => assertValidMacro(macro({ kind: 'decision', outcome: 'overturned' }))).not.toThrow();
  });

  it('refuses an unknown placeholder, naming it', () => {
    try {
      assertValidMacro(macro({ body: 'Dear {{acountId}}' }));
      throw new Error('accepted');
    } catch (error) {
      expect((error as { errors: { field: string; message: string }[] }).errors).toEqual([
        expect.objectContaining({ field: 'body', message: expect.stringContaining('{{acountId}}') }),
      ]);
    }
  });
});
