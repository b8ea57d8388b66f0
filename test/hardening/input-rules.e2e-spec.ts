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

    it.each(['\u200B', '\u200E', '\u0085', '\u00A0\u200B\u00A0', '\u180E\uFEFF'])(
      'refuses %j, which the Transparency Database trims to an empty field',
      async (blank) => {
        const single = await suspend({ statementOfReasons: blank, policyClause: blank }).expect(400);
        expect(fieldsOf(single).sort()).toEqual(['policyClause', 'statementOfReasons']);
      },
    );

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

  describe('amounts: at most 10^12 minor units each, and what an account holds stays within the safe integers', () => {
    const MAX_AMOUNT = 1_000_000_000_000;
    const frozen = (accountId: string, amountMinor: number, currency = 'USD') =>
      suspensionRequest({ accountId, frozenBalance: { amountMinor, currency } });
    const frozenOf = (accountId: string) =>
      app.query<{ n: string }>(`SELECT count(*)::text AS n FROM suspensions WHERE account_id = $1`, [
        accountId,
      ]);

    it('refuses 1,100 items for one account at 9007199254740991 with 422 naming each item, writing nothing', async () => {
      const items = Array.from({ length: 1100 }, () => frozen('acct_huge', Number.MAX_SAFE_INTEGER));
      const res = await batch(items).expect(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('amount_out_of_range');
      expect(fieldsOf(res)).toHaveLength(1100);
      expect(fieldsOf(res)).toContain('items[1099].frozenBalance.amountMinor');
      expect(await frozenOf('acct_huge')).toEqual([{ n: '0' }]);
    });

    it('takes 10^12 and refuses 10^12 + 1 on a single suspension', async () => {
      await suspend({ frozenBalance: { amountMinor: MAX_AMOUNT, currency: 'USD' } }).expect(201);
      const over = await suspend({ frozenBalance: { amountMinor: MAX_AMOUNT + 1, currency: 'USD' } }).expect(
        422,
      );
      expect(over.body.code).toBe('amount_out_of_range');
      expect(fieldsOf(over)).toEqual(['frozenBalance.amountMinor']);
      // not even a safe integer: a malformed number, 400
      const unsafe = await suspend({ frozenBalance: { amountMinor: 2 ** 60, currency: 'USD' } }).expect(400);
      expect(fieldsOf(unsafe)).toEqual(['frozenBalance.amountMinor']);
    });

    it('caps the sum per account and currency, within a batch and against what is already frozen', async () => {
      const fits = Math.floor(Number.MAX_SAFE_INTEGER / MAX_AMOUNT); // 9,007 items of 10^12
      const overflowing = Array.from({ length: fits + 1 }, () => frozen('acct_rich', MAX_AMOUNT));
      const refused = await batch(overflowing).expect(422);
      expect(fieldsOf(refused)).toEqual([`items[${fits}].frozenBalance.amountMinor`]);
      expect(await frozenOf('acct_rich')).toEqual([{ n: '0' }]);

      await batch(overflowing.slice(0, fits)).expect(200);
      const single = await suspend({
        accountId: 'acct_rich',
        frozenBalance: { amountMinor: MAX_AMOUNT, currency: 'USD' },
      }).expect(422);
      expect(fieldsOf(single)).toEqual(['frozenBalance.amountMinor']);
      const more = await batch([frozen('acct_other', MAX_AMOUNT), frozen('acct_rich', MAX_AMOUNT)]).expect(
        422,
      );
      expect(fieldsOf(more)).toEqual(['items[1].frozenBalance.amountMinor']);
      // another currency, another account, or nothing frozen: still taken
      await batch([
        frozen('acct_rich', MAX_AMOUNT, 'EUR'),
        frozen('acct_other', MAX_AMOUNT),
        frozen('acct_rich', 0),
      ]).expect(200);
      const [book] = await app.query<{ balance: string }>(
        `SELECT balance_minor::text AS balance FROM ledger_balances WHERE account_id = 'acct_rich' AND book = 'customer_frozen' AND currency = 'USD'`,
      );
      expect(book.balance).toBe(String(fits * MAX_AMOUNT));
    });

    it('answers a refund or a decision refund of 9007199254740991 with 422 refund_exceeds_balance, never 500', async () => {
      const suspension = await suspend().expect(201);
      const owner = app.bearer(suspension.body.accountId as string, 'appellant');
      const reviewer = app.bearer('rules_reviewer', 'reviewer');
      for (const amountMinor of [Number.MAX_SAFE_INTEGER, MAX_AMOUNT + 1]) {
        const refund = await app.http
          .post('/v1/refunds')
          .set(reviewer)
          .send({ suspensionId: suspension.body.id, amountMinor, reason: 'Prepaid credit goes back' });
        expect({ status: refund.status, code: refund.body.code }).toEqual({
          status: 422,
          code: 'refund_exceeds_balance',
        });
      }
      const unsafe = await app.http
        .post('/v1/refunds')
        .set(reviewer)
        .send({ suspensionId: suspension.body.id, amountMinor: 1e300, reason: 'Prepaid credit goes back' });
      expect(unsafe.status).toBe(400);

      const appeal = await app.http
        .post('/v1/appeals')
        .set(owner)
        .send({
          suspensionId: suspension.body.id,
          statement: 'The flagged traffic was our own test suite.',
          requestedRemedy: 'refund_only',
        })
        .expect(201);
      await app.http.post(`/v1/appeals/${appeal.body.id}/claim`).set(reviewer).expect(200);
      const decided = await app.http
        .post(`/v1/appeals/${appeal.body.id}/decision`)
        .set(reviewer)
        .send({
          outcome: 'overturned',
          rationale: 'The traffic was the customer’s own evaluation suite.',
          refund: { amountMinor: Number.MAX_SAFE_INTEGER },
        });
      expect({ status: decided.status, code: decided.body.code }).toEqual({
        status: 422,
        code: 'refund_exceeds_balance',
      });
    });
  });

  describe('forged cursors are 400, never a failed cast in SQL', () => {
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const ID = '0b7f2c1e-8f4a-4c6e-9a37-2f1d5e6c7b80';
    const impossible = ['2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '2026-01-01 00:00:00+16'];

    it.each([
      ...impossible.map((at) => [50, at, ID]),
      [101, '2026-01-01T00:00:00Z', ID],
      [-1, '2026-01-01T00:00:00Z', ID],
      [2 ** 40, '2026-01-01T00:00:00Z', ID],
    ])('GET /v1/review/queue refuses [%p, %p, …]', async (...key) => {
      const res = await app.http
        .get('/v1/review/queue')
        .query({ cursor: cursor(key) })
        .set(app.bearer('rules_reviewer', 'reviewer'));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'validation_failed' });
      expect(fieldsOf(res)).toEqual(['cursor']);
    });

    it.each(impossible)('GET /v1/me/suspensions and /v1/refunds refuse a cursor at %s', async (at) => {
      for (const [path, as] of [
        ['/v1/me/suspensions', app.bearer('acct_rules', 'appellant')],
        ['/v1/refunds', app.bearer('rules_finance', 'finance')],
      ] as const) {
        const res = await app.http
          .get(path)
          .query({ cursor: cursor([at, ID]) })
          .set(as);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 400,
          code: 'validation_failed',
        });
      }
    });

    it('still pages through the queue with the cursors it hands out', async () => {
      for (let i = 0; i < 3; i += 1) {
        const suspension = await suspend().expect(201);
        await app.http
          .post('/v1/appeals')
          .set(app.bearer(suspension.body.accountId as string, 'appellant'))
          .send({
            suspensionId: suspension.body.id,
            statement: 'The flagged traffic was our own test suite.',
            requestedRemedy: 'reinstate',
          })
          .expect(201);
      }
      const reviewer = app.bearer('rules_reviewer', 'reviewer');
      const first = await app.http.get('/v1/review/queue').query({ limit: 2 }).set(reviewer).expect(200);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      await app.http
        .get('/v1/review/queue')
        .query({ limit: 2, cursor: first.body.nextCursor })
        .set(reviewer)
        .expect(200);
    });
  });
});
