import { DsaStatementOfReasons, validateStatementOfReasons } from './statement-of-reasons';

function valid(): DsaStatementOfReasons {
  return {
    decision_account: 'DECISION_ACCOUNT_SUSPENDED',
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: 'Usage Policy §4',
    incompatible_content_explanation: 'Automated extraction of model outputs.',
    content_type: ['CONTENT_TYPE_OTHER'],
    content_type_other: 'API usage',
    category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    content_date: '2024-01-31',
    application_date: '2025-06-01',
    decision_facts: 'Automated extraction of model outputs.',
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: 'Yes',
    automated_decision: 'AUTOMATED_DECISION_PARTIALLY',
    puid: 'susp_123-abc',
  };
}

const fieldsOf = (o: unknown) => validateStatementOfReasons(o).map((e) => e.field);

describe('validateStatementOfReasons', () => {
  it('accepts a minimal valid statement', () => {
    expect(validateStatementOfReasons(valid())).toEqual([]);
  });

  it.each([
    'decision_ground',
    'content_type',
    'category',
    'content_date',
    'application_date',
    'decision_facts',
    'source_type',
    'automated_detection',
    'automated_decision',
    'puid',
  ] as const)('requires %s', (field) => {
    const o: Record<string, unknown> = { ...valid() };
    delete o[field];
    expect(validateStatementOfReasons(o)).toContainEqual({ field, message: 'is required' });
    expect(fieldsOf({ ...valid(), [field]: null })).toContain(field);
  });

  it('treats a blank required text as missing', () => {
    expect(validateStatementOfReasons({ ...valid(), decision_facts: '   ' })).toEqual([
      { field: 'decision_facts', message: 'is required' },
    ]);
  });

  it('requires at least one decision_* field', () => {
    const { decision_account: _, ...o } = valid();
    expect(fieldsOf(o)).toEqual([
      'decision_visibility',
      'decision_monetary',
      'decision_provision',
      'decision_account',
    ]);
    expect(fieldsOf({ ...o, decision_visibility: [] })).toContain('decision_account');
    expect(fieldsOf({ ...o, decision_visibility: ['DECISION_VISIBILITY_CONTENT_DEMOTED'] })).toEqual([]);
  });

  it.each([
    ['decision_account', 'DECISION_ACCOUNT_BANNED'],
    ['decision_ground', 'DECISION_GROUND_VIBES'],
    ['category', 'STATEMENT_CATEGORY_SPAM'],
    ['source_type', 'SOURCE_GUESS'],
    ['automated_detection', 'yes'],
    ['automated_decision', 'AUTOMATED_DECISION_SOMEWHAT'],
    ['content_language', 'XX'],
    ['account_type', 'ACCOUNT_TYPE_ROBOT'],
  ])('rejects %s = %s', (field, value) => {
    expect(fieldsOf({ ...valid(), [field]: value })).toEqual([field]);
  });

  it('rejects bad values inside arrays, naming the index', () => {
    expect(fieldsOf({ ...valid(), content_type: ['CONTENT_TYPE_OTHER', 'CONTENT_TYPE_HOLOGRAM'] })).toEqual([
      'content_type.1',
    ]);
    expect(fieldsOf({ ...valid(), territorial_scope: ['DE', 'US'] })).toEqual(['territorial_scope.1']);
    expect(fieldsOf({ ...valid(), category_addition: ['NOPE'] })).toEqual(['category_addition.0']);
    expect(fieldsOf({ ...valid(), category_specification: ['KEYWORD_OTHER', 'other'] })).toEqual([
      'category_specification.1',
    ]);
    expect(fieldsOf({ ...valid(), content_type: 'CONTENT_TYPE_OTHER' })).toContain('content_type');
  });

  it.each([
    ['incompatible_content_ground', 501],
    ['incompatible_content_explanation', 2001],
    ['decision_facts', 5001],
    ['puid', 501],
  ])('rejects %s longer than its limit', (field, length) => {
    expect(validateStatementOfReasons({ ...valid(), [field]: 'a'.repeat(length) })).toEqual([
      { field, message: `must be at most ${length - 1} characters` },
    ]);
    expect(validateStatementOfReasons({ ...valid(), [field]: 'a'.repeat(length - 1) })).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(validateStatementOfReasons({ ...valid(), incompatible_content_ground: '😀'.repeat(500) })).toEqual(
      [],
    );
  });

  it.each(['has space', 'ümlaut', 'a/b', 'a.b', 'x@y'])('rejects puid %p', (puid) => {
    expect(fieldsOf({ ...valid(), puid })).toEqual(['puid']);
  });

  it('checks the conditional companions of OTHER and of each ground', () => {
    expect(fieldsOf({ ...valid(), content_type_other: undefined })).toEqual(['content_type_other']);
    expect(fieldsOf({ ...valid(), decision_monetary: 'DECISION_MONETARY_OTHER' })).toEqual([
      'decision_monetary_other',
    ]);
    expect(fieldsOf({ ...valid(), decision_visibility: ['DECISION_VISIBILITY_OTHER'] })).toEqual([
      'decision_visibility_other',
    ]);
    expect(fieldsOf({ ...valid(), incompatible_content_ground: undefined })).toEqual([
      'incompatible_content_ground',
    ]);
    expect(fieldsOf({ ...valid(), decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' })).toEqual([
      'illegal_content_legal_ground',
      'illegal_content_explanation',
    ]);
  });

  it('checks date format, calendar and ranges', () => {
    expect(fieldsOf({ ...valid(), content_date: '2024-1-31' })).toEqual(['content_date']);
    expect(fieldsOf({ ...valid(), content_date: '2024-02-30' })).toEqual(['content_date']);
    expect(fieldsOf({ ...valid(), content_date: '1999-12-31' })).toEqual(['content_date']);
    expect(fieldsOf({ ...valid(), application_date: '2019-12-31' })).toEqual(['application_date']);
    expect(fieldsOf({ ...valid(), application_date: '2038-01-02' })).toEqual(['application_date']);
    expect(fieldsOf({ ...valid(), application_date: '2038-01-01', content_date: '2000-01-01' })).toEqual([]);
    expect(fieldsOf({ ...valid(), end_date_account_restriction: '2025-07-01T00:00:00Z' })).toEqual([
      'end_date_account_restriction',
    ]);
    expect(fieldsOf({ ...valid(), end_date_monetary_restriction: '2040-01-01' })).toEqual([
      'end_date_monetary_restriction',
    ]);
  });

  it('accepts only http(s) reference URLs', () => {
    expect(fieldsOf({ ...valid(), decision_ground_reference_url: 'https://platform.example/terms' })).toEqual(
      [],
    );
    expect(fieldsOf({ ...valid(), decision_ground_reference_url: 'javascript:alert(1)' })).toEqual([
      'decision_ground_reference_url',
    ]);
  });

  it.each(['\u200B', '\u200E', '\u0085', '\u00A0\u200B\u00A0', '\uFEFF \u180E'])(
    'trims as the database does: %j alone is a missing required text',
    (blank) => {
      for (const field of [
        'incompatible_content_ground',
        'incompatible_content_explanation',
        'decision_facts',
      ]) {
        expect(validateStatementOfReasons({ ...valid(), [field]: blank })).toEqual([
          { field, message: 'is required' },
        ]);
      }
    },
  );

  it('counts lengths after trimming', () => {
    const padded = `\u200B ${'a'.repeat(500)}\u00A0\uFEFF`;
    expect(validateStatementOfReasons({ ...valid(), incompatible_content_ground: padded })).toEqual([]);
  });

  it('drops the fields that do not apply, unchecked (exclude_unless)', () => {
    const long = 'a'.repeat(3000);
    expect(
      validateStatementOfReasons({
        ...valid(),
        decision_visibility_other: long,
        decision_monetary_other: long,
        illegal_content_legal_ground: long,
        illegal_content_explanation: long,
      }),
    ).toEqual([]);
    const illegal = {
      ...valid(),
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: 'Art. 5',
      illegal_content_explanation: 'Illegal.',
      incompatible_content_illegal: 'Maybe',
      incompatible_content_ground: long,
    };
    expect(validateStatementOfReasons(illegal)).toEqual([]);
    const { content_type_other: _, ...text } = { ...valid(), content_type: ['CONTENT_TYPE_TEXT'] };
    expect(validateStatementOfReasons({ ...text, content_type_other: long })).toEqual([]);
  });

  it('checks incompatible_content_illegal and source_identity when they apply', () => {
    expect(fieldsOf({ ...valid(), incompatible_content_illegal: 'Maybe' })).toEqual([
      'incompatible_content_illegal',
    ]);
    expect(fieldsOf({ ...valid(), source_identity: 'a'.repeat(501) })).toEqual(['source_identity']);
    expect(fieldsOf({ ...valid(), category_specification_other: 'a'.repeat(501) })).toEqual([
      'category_specification_other',
    ]);
    expect(fieldsOf({ ...valid(), decision_facts: 42 })).toEqual(['decision_facts']);
  });

  it('flags fields the Commission does not know and non-objects', () => {
    expect(fieldsOf({ ...valid(), decision_fact: 'typo' })).toEqual(['decision_fact']);
    expect(fieldsOf(null)).toEqual(['']);
    expect(fieldsOf([valid()])).toEqual(['']);
  });
});
