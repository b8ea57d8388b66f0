import fc from 'fast-check';
import {
  EU_EEA_COUNTRY_CODES,
  puidFor,
  SuspensionForStatement,
  toStatementOfReasons,
  validateStatementOfReasons,
} from './statement-of-reasons';

const ACCOUNT_ID = 'acct_7f3c9e21';
const EMAIL = 'jane.doe@example.com';

function suspension(overrides: Partial<SuspensionForStatement> = {}): SuspensionForStatement {
  return {
    id: '5b0c7a52-4a0e-4a43-9d0c-1f5e8f1c2a10',
    accountId: ACCOUNT_ID,
    accountEmail: EMAIL,
    status: 'active',
    reasonCode: 'model_distillation',
    policyClause: 'Usage Policy §4.2 (no training competing models)',
    statementOfReasons: `Account ${ACCOUNT_ID} (${EMAIL}) sent 2.1M prompts in 48 h matching distillation patterns.`,
    automatedDetection: true,
    automatedDecision: false,
    frozenBalance: { amountMinor: 12345, currency: 'EUR' },
    accountCreatedAt: new Date('2023-03-14T10:00:00Z'),
    suspendedAt: new Date('2025-06-01T23:30:00Z'),
    ...overrides,
  };
}

describe('toStatementOfReasons', () => {
  it.each([
    ['payment_fraud', 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', undefined],
    ['spam', 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', undefined],
    [
      'model_distillation',
      'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      ['STATEMENT_CATEGORY_OTHER_VIOLATION_TC'],
    ],
    [
      'automated_extraction',
      'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      ['STATEMENT_CATEGORY_OTHER_VIOLATION_TC'],
    ],
    [
      'tos_rival_training',
      'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
      ['STATEMENT_CATEGORY_OTHER_VIOLATION_TC'],
    ],
    ['region_restriction', 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', undefined],
    ['account_sharing', 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', undefined],
    ['other', 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', undefined],
    ['something_new', 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', undefined],
  ])('maps reason %s to %s', (reasonCode, category, addition) => {
    const statement = toStatementOfReasons(suspension({ reasonCode }));
    expect(statement.category).toBe(category);
    expect(statement.category_addition).toEqual(addition);
    expect(validateStatementOfReasons(statement)).toEqual([]);
  });

  const matrix = (['active', 'upheld', 'lifted'] as const).flatMap((status) =>
    [0, 12345].flatMap((amountMinor) =>
      [null, new Date('2021-01-05T00:00:00Z')].map((created) => ({ status, amountMinor, created })),
    ),
  );
  it.each(matrix)(
    'builds a valid statement for $status, frozen $amountMinor, created $created',
    ({ status, amountMinor, created }) => {
      const liftedAt = status === 'lifted' ? new Date('2025-07-10T08:00:00Z') : null;
      const statement = toStatementOfReasons(
        suspension({
          status,
          frozenBalance: { amountMinor, currency: 'EUR' },
          accountCreatedAt: created,
          liftedAt,
        }),
      );

      expect(validateStatementOfReasons(statement)).toEqual([]);
      expect(statement.decision_monetary).toBe(amountMinor > 0 ? 'DECISION_MONETARY_OTHER' : undefined);
      expect(statement.content_date).toBe(created ? '2021-01-05' : '2025-06-01');
      expect(statement.application_date).toBe('2025-06-01');
    },
  );

  it('reports an active suspension as an open-ended total suspension', () => {
    const statement = toStatementOfReasons(suspension());
    expect(statement).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      decision_provision: 'DECISION_PROVISION_TOTAL_SUSPENSION',
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: 'Usage Policy §4.2 (no training competing models)',
      content_type: ['CONTENT_TYPE_OTHER'],
      content_type_other: 'API usage',
      source_type: 'SOURCE_VOLUNTARY',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_PARTIALLY',
      puid: '5b0c7a52-4a0e-4a43-9d0c-1f5e8f1c2a10',
    });
    expect(statement.decision_monetary_other).toBe(
      'A prepaid balance of 123.45 EUR was frozen when the account was suspended.',
    );
    expect(statement.end_date_account_restriction).toBeUndefined();
  });

  it('reports an upheld suspension as a termination', () => {
    expect(toStatementOfReasons(suspension({ status: 'upheld' }))).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_TERMINATED',
      decision_provision: 'DECISION_PROVISION_TOTAL_TERMINATION',
    });
  });

  it('ends every restriction of a lifted suspension on the lift date', () => {
    const statement = toStatementOfReasons(
      suspension({ status: 'lifted', liftedAt: new Date('2025-07-10T08:00:00Z') }),
    );
    expect(statement).toMatchObject({
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      end_date_account_restriction: '2025-07-10',
      end_date_service_restriction: '2025-07-10',
      end_date_monetary_restriction: '2025-07-10',
    });
    expect(statement.decision_monetary_other).toContain('released');
    expect(statement.decision_facts).toContain('On 2025-07-10 the suspension was lifted');
  });

  it.each([
    [false, false, 'No', 'AUTOMATED_DECISION_NOT_AUTOMATED'],
    [true, false, 'Yes', 'AUTOMATED_DECISION_PARTIALLY'],
    [true, true, 'Yes', 'AUTOMATED_DECISION_FULLY'],
    [false, true, 'No', 'AUTOMATED_DECISION_FULLY'],
  ])('detection %s, decision %s → %s / %s', (automatedDetection, automatedDecision, detection, decision) => {
    const statement = toStatementOfReasons(suspension({ automatedDetection, automatedDecision }));
    expect([statement.automated_detection, statement.automated_decision]).toEqual([detection, decision]);
  });

  it('moves dates into the ranges the Commission accepts and says so in decision_facts', () => {
    const early = toStatementOfReasons(
      suspension({
        suspendedAt: new Date('1990-05-01T00:00:00Z'),
        accountCreatedAt: new Date('1988-01-01T00:00:00Z'),
      }),
    );
    expect([early.content_date, early.application_date]).toEqual(['2000-01-01', '2020-01-01']);
    expect(early.decision_facts).toContain(
      'The restriction took effect on 1990-05-01; the Transparency Database takes application_date values from 2020-01-01 to 2038-01-01 only, so 2020-01-01 is given.',
    );
    expect(early.decision_facts).toContain('The account was registered on 1988-01-01;');
    expect(validateStatementOfReasons(early)).toEqual([]);

    const late = toStatementOfReasons(
      suspension({ suspendedAt: new Date('2040-01-01T00:00:00Z'), accountCreatedAt: null }),
    );
    expect([late.content_date, late.application_date]).toEqual(['2038-01-01', '2038-01-01']);
    expect(late.decision_facts).toContain('The behaviour was first seen on 2040-01-01;');

    const inside = toStatementOfReasons(suspension());
    expect(inside.decision_facts).not.toContain('Transparency Database');

    const createdAfter = toStatementOfReasons(
      suspension({ accountCreatedAt: new Date('2026-01-01T00:00:00Z') }),
    );
    expect(createdAfter.content_date).toBe(createdAfter.application_date);
  });

  it('keeps the date notes whole when the facts fill decision_facts', () => {
    const statement = toStatementOfReasons(
      suspension({ statementOfReasons: 'x'.repeat(9000), suspendedAt: new Date('2019-01-01T00:00:00Z') }),
    );
    expect(Array.from(statement.decision_facts)).toHaveLength(5000);
    expect(statement.decision_facts).toMatch(/so 2020-01-01 is given\.$/);
  });

  describe('one statement per decision', () => {
    const lifted = suspension({ status: 'lifted', liftedAt: new Date('2025-07-10T08:00:00Z') });
    it('gives each decision its own puid: the suspension id first, then <id>-<n>', () => {
      expect(puidFor(lifted.id, 1)).toBe(lifted.id);
      expect(puidFor(lifted.id, 2)).toBe(`${lifted.id}-2`);
    });

    it.each([
      ['suspension', 'DECISION_ACCOUNT_SUSPENDED', '2025-06-01', undefined],
      ['termination', 'DECISION_ACCOUNT_TERMINATED', '2025-07-10', undefined],
      ['lift', 'DECISION_ACCOUNT_SUSPENDED', '2025-06-01', '2025-07-10'],
      ['reopening', 'DECISION_ACCOUNT_SUSPENDED', '2025-07-10', undefined],
    ] as const)('reports a %s as %s from %s, ending %s', (kind, account, from, end) => {
      const decision = { kind, takenAt: new Date('2025-07-10T08:00:00Z'), puid: `${lifted.id}-2` };
      const statement = toStatementOfReasons(lifted, decision);
      expect(statement).toMatchObject({
        decision_account: account,
        application_date: from,
        puid: decision.puid,
      });
      expect(statement.end_date_account_restriction).toBe(end);
      expect(validateStatementOfReasons(statement)).toEqual([]);
    });
  });

  it('truncates long statements to the field limits', () => {
    const statement = toStatementOfReasons(
      suspension({ statementOfReasons: 'x'.repeat(9000), policyClause: 'y'.repeat(900) }),
    );
    expect(statement.incompatible_content_explanation).toHaveLength(2000);
    expect(statement.decision_facts).toHaveLength(5000);
    expect(statement.incompatible_content_ground).toHaveLength(500);
    expect(validateStatementOfReasons(statement)).toEqual([]);
  });

  it('falls back to a generic explanation when the statement was nothing but personal data', () => {
    const statement = toStatementOfReasons(suspension({ statementOfReasons: '   ' }));
    expect(statement.decision_facts.length).toBeGreaterThan(0);
    expect(validateStatementOfReasons(statement)).toEqual([]);
  });

  it('uses all EU/EEA countries unless told otherwise', () => {
    expect(toStatementOfReasons(suspension()).territorial_scope).toEqual([...EU_EEA_COUNTRY_CODES]);
    expect(toStatementOfReasons(suspension()).territorial_scope).toHaveLength(30);
    const custom = toStatementOfReasons(suspension(), undefined, {
      territorialScope: ['de', 'FR', 'de'],
      contentLanguage: 'en',
    });
    expect(custom).toMatchObject({ territorial_scope: ['DE', 'FR'], content_language: 'EN' });
    expect(validateStatementOfReasons(custom)).toEqual([]);
  });

  it('formats the frozen balance with the currency exponent', () => {
    const yen = toStatementOfReasons(suspension({ frozenBalance: { amountMinor: 500, currency: 'JPY' } }));
    expect(yen.decision_monetary_other).toContain('500 JPY');
    const cents = toStatementOfReasons(suspension({ frozenBalance: { amountMinor: 7, currency: 'usd' } }));
    expect(cents.decision_monetary_other).toContain('0.07 USD');
  });

  it('publishes the policy URL only when it is a clean http(s) link', () => {
    const url = 'https://platform.example/policies/usage#4.2';
    expect(toStatementOfReasons(suspension({ policyUrl: url })).decision_ground_reference_url).toBe(url);
    expect(
      toStatementOfReasons(suspension({ policyUrl: `mailto:${EMAIL}` })).decision_ground_reference_url,
    ).toBeUndefined();
    expect(
      toStatementOfReasons(suspension({ policyUrl: `https://x.example/?u=${ACCOUNT_ID}` }))
        .decision_ground_reference_url,
    ).toBeUndefined();
  });

  it('refuses a suspension without a valid suspension date', () => {
    expect(() => toStatementOfReasons(suspension({ suspendedAt: new Date('nope') }))).toThrow('suspendedAt');
  });
});

describe('toStatementOfReasons keeps personal data out', () => {
  it('removes the account e-mail, other e-mails and the account id from every field', () => {
    const s = suspension({
      statementOfReasons: `Reported by ops@platform.example about ${EMAIL.toUpperCase()}; account ${ACCOUNT_ID.toUpperCase()} and user-${ACCOUNT_ID}-eu.`,
      policyClause: `Clause 4 as applied to ${ACCOUNT_ID} <${EMAIL}>`,
    });
    const json = JSON.stringify(toStatementOfReasons(s));
    expect(json).not.toMatch(/@/);
    expect(json.toLowerCase()).not.toContain(ACCOUNT_ID);
    expect(json).toContain('[email redacted]');
    expect(json).toContain('[account redacted]');
  });

  it('holds for generated statements, e-mails and ids', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 .,;:()'"\n-]{0,30}$/);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9_-]{5,35}$/),
        fc.emailAddress(),
        fc.array(fc.emailAddress(), { maxLength: 3 }),
        fc.array(word, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('active', 'lifted', 'upheld'),
        (accountId, accountEmail, others, words, status) => {
          const pieces = [...words, accountId, accountEmail, ...others, accountId.toUpperCase()];
          const s = suspension({
            accountId,
            accountEmail,
            status,
            liftedAt: new Date('2025-08-01T00:00:00Z'),
            statementOfReasons: pieces.join(' '),
            policyClause: `${words[0]} ${accountEmail} ${accountId}`,
          });
          const statement = toStatementOfReasons(s);
          const json = JSON.stringify(statement).toLowerCase();
          expect(json).not.toContain(accountId.toLowerCase());
          for (const email of [accountEmail, ...others]) expect(json).not.toContain(email.toLowerCase());
          expect(validateStatementOfReasons(statement)).toEqual([]);
        },
      ),
    );
  });
});
