import { suspensionRequest, TestApp } from '@redress/testing';

const ZWSP = '\u200b';

describe('Input rules: what every text, date, identifier, currency, amount and cursor must be', () => {
  let app: TestApp;
  const enforcement = () => app.bearer('rules_enforcer', 'enforcement');

  beforeAll(async () => {
    app = await TestApp.start('hardening_input_rules', {
      worker: false,
      env: { RATE_LIMIT_PER_MINUTE: '10000' },
    });
  });
  afterAll(() => app.close());

  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) =>
    (res.body.errors ?? []).map((e) => e.field);

  const suspend = (overrides: Record<string, unknown> = {}) =>
    app.http.post('/v1/suspensions').set(enforcement()).send(suspensionRequest(overrides));
  const batch = (items: Record<string, unknown>[]) =>
    app.http.post('/v1/suspensions/batch').set(enforcement()).send({ items });

  describe('texts are trimmed of white space, U+200B, U+200E and U+FEFF, and their lengths count visible characters', () => {
    it('refuses a statementOfReasons or policyClause of invisible characters only (single and batch)', async () => {
      const invisible = suspensionRequest({
        statementOfReasons: ZWSP.repeat(25),
        policyClause: `\ufeff ${ZWSP}\u200e\u3000`,
      });
      const single = await app.http.post('/v1/suspensions').set(enforcement()).send(invisible).expect(400);
      expect(single.body.code).toBe('validation_failed');
      expect(fieldsOf(single).sort()).toEqual(['policyClause', 'statementOfReasons']);

      const items = [
        suspensionRequest(),
        suspensionRequest({ statementOfReasons: '\u2060\u200d'.repeat(30) }),
      ];
      const refused = await batch(items).expect(400);
      expect(fieldsOf(refused)).toEqual(['items[1].statementOfReasons']);
      const rows = await app.query('SELECT 1 FROM suspensions WHERE external_ref = ANY($1)', [
        items.map((i) => i.externalRef),
      ]);
      expect(rows).toHaveLength(0);
    });

    it('stores the text trimmed, invisible characters inside kept', async () => {
      const created = await suspend({
        statementOfReasons: `${ZWSP}\ufeff  Our detector saw${ZWSP}distillation traffic. \u200e\n`,
      }).expect(201);
      expect(created.body.statementOfReasons).toBe(`Our detector saw${ZWSP}distillation traffic.`);
    });

    it('refuses an appeal statement under 20 visible characters and a lift reason of joiners', async () => {
      const suspension = await suspend().expect(201);
      const owner = app.bearer(suspension.body.accountId as string, 'appellant');
      const appeal = (statement: string) =>
        app.http
          .post('/v1/appeals')
          .set(owner)
          .send({ suspensionId: suspension.body.id, statement, requestedRemedy: 'reinstate' });
      const invisible = await appeal(ZWSP.repeat(25)).expect(400);
      expect(fieldsOf(invisible)).toEqual(['statement']);
      await appeal(`${'a'.repeat(19)}${ZWSP.repeat(10)}\u2060`).expect(400);

      const lift = await app.http
        .post(`/v1/suspensions/${suspension.body.id}/lift`)
        .set(enforcement())
        .send({ reason: '\u200d\u200d\u200d\u200d' })
        .expect(400);
      expect(fieldsOf(lift)).toEqual(['reason']);

      // 20 visible characters, however many code units: accepted
      await appeal(`${ZWSP}${'中'.repeat(19)}𝕏${ZWSP}`).expect(201);
    });
  });

  describe('accountIds follow the identifier rules of token subjects', () => {
    const bad = [' acct_1', 'acct 1', `acct${ZWSP}1`, 'acct\u202e1', 'ａｃｃｔ_1', 'a'.repeat(256), ''];

    it.each(bad)('refuses %j with 400 naming accountId, single and batch', async (accountId) => {
      const single = await suspend({ accountId }).expect(400);
      expect(fieldsOf(single)).toEqual(['accountId']);
      const refused = await batch([suspensionRequest(), suspensionRequest({ accountId })]).expect(400);
      expect(fieldsOf(refused)).toEqual(['items[1].accountId']);
    });

    it('takes an identifier of 255 characters, and non-Latin ones', async () => {
      await suspend({ accountId: 'a'.repeat(255) }).expect(201);
      await suspend({ accountId: '账户_42' }).expect(201);
    });
  });

  describe('suspendedAt and accountCreatedAt lie between 2000-01-01 and now', () => {
    const hourAhead = () => new Date(Date.now() + 3_600_000).toISOString();

    it.each(['1970-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '1999-12-31T23:59:59.999Z', 'future'])(
      'refuses %s with 400, single and batch',
      async (at) => {
        const date = at === 'future' ? hourAhead() : at;
        for (const field of ['suspendedAt', 'accountCreatedAt']) {
          const single = await suspend({ [field]: date }).expect(400);
          expect(fieldsOf(single)).toEqual([field]);
          const refused = await batch([suspensionRequest(), suspensionRequest({ [field]: date })]).expect(
            400,
          );
          expect(fieldsOf(refused)).toEqual([`items[1].${field}`]);
        }
      },
    );

    it('takes 2000-01-01T00:00:00Z, also written with an offset', async () => {
      await suspend({ suspendedAt: '2000-01-01T00:00:00Z', accountCreatedAt: '2000-01-01T00:00:00Z' }).expect(
        201,
      );
      await suspend({ suspendedAt: '2000-01-01T01:00:00+01:00' }).expect(201);
      await suspend({ suspendedAt: '2000-01-01T00:59:59+01:00' }).expect(400);
    });
  });

  describe('currencies are ISO 4217 codes in use', () => {
    it.each(['ZZZ', 'usd', 'XXX', 'HRK', 'ZWL'])(
      'refuses %s with 400, single and batch',
      async (currency) => {
        const frozenBalance = { amountMinor: 100, currency };
        const single = await suspend({ frozenBalance }).expect(400);
        expect(fieldsOf(single)).toEqual(['frozenBalance.currency']);
        const refused = await batch([suspensionRequest(), suspensionRequest({ frozenBalance })]).expect(400);
        expect(fieldsOf(refused)).toEqual(['items[1].frozenBalance.currency']);
      },
    );

    it('takes current codes, new ones included', async () => {
      for (const currency of ['JPY', 'XCG', 'ZWG', 'CHF'])
        await suspend({ frozenBalance: { amountMinor: 100, currency } }).expect(201);
    });
  });
});
