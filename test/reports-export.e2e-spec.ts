import type { Role } from '@redress/kernel';
import { EU_EEA_COUNTRY_CODES, validateStatementOfReasons } from '@redress/reports';
import { act, eventually, suspendAndAppeal, suspensionRequest, TestApp, type Filed } from '@redress/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REVIEWER: [string, Role] = ['rev_1', 'reviewer'];
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5b0000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

describe('Reports: DSA statements of reasons and the personal data export', () => {
  let app: TestApp;
  let evidenceDir: string;
  const admin = () => app.bearer('admin_1', 'admin');

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'redress-reports-'));
    app = await TestApp.start('reports_export', { env: { EVIDENCE_DIR: evidenceDir } });
  });
  afterAll(async () => {
    await app?.close();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  /** A suspension whose free text names the account and its e-mail, as enforcement staff write it. */
  function chattyRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const body = suspensionRequest(overrides);
    return {
      ...body,
      statementOfReasons: `Account ${body.accountId} (${body.accountEmail}) sent 2.1M distillation-shaped completions in 3 days.`,
      policyClause: `Terms of Service §4.2: no training of rival models (contact ${body.accountEmail})`,
      ...overrides,
    };
  }

  async function suspend(body: Record<string, unknown>): Promise<string> {
    const res = await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(body);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const statementOf = (id: string, as = admin()) =>
    app.http.get(`/v1/suspensions/${id}/statement-of-reasons`).set(as);
  const statementsOf = (id: string, as = admin()) =>
    app.http.get(`/v1/suspensions/${id}/statements-of-reasons`).set(as);

  describe('GET /v1/suspensions/:id/statement-of-reasons', () => {
    it('active: exactly the DSA object, valid, with no e-mail or account id', async () => {
      const body = chattyRequest({
        accountCreatedAt: '2023-03-14T10:00:00Z',
        suspendedAt: '2025-06-01T23:30:00Z',
        automatedDecision: true,
      });
      const id = await suspend(body);
      const res = await statementOf(id).expect(200);

      expect(res.body).toEqual({
        decision_account: 'DECISION_ACCOUNT_SUSPENDED',
        decision_provision: 'DECISION_PROVISION_TOTAL_SUSPENSION',
        decision_monetary: 'DECISION_MONETARY_OTHER',
        decision_monetary_other: 'A prepaid balance of 125.00 USD was frozen when the account was suspended.',
        decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
        incompatible_content_ground:
          'Terms of Service §4.2: no training of rival models (contact [email redacted])',
        incompatible_content_explanation:
          'Account [account redacted] ([email redacted]) sent 2.1M distillation-shaped completions in 3 days.',
        content_type: ['CONTENT_TYPE_OTHER'],
        content_type_other: 'API usage',
        category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
        category_addition: ['STATEMENT_CATEGORY_OTHER_VIOLATION_TC'],
        territorial_scope: [...EU_EEA_COUNTRY_CODES],
        content_date: '2023-03-14',
        application_date: '2025-06-01',
        decision_facts:
          'Account [account redacted] ([email redacted]) sent 2.1M distillation-shaped completions in 3 days.',
        source_type: 'SOURCE_VOLUNTARY',
        automated_detection: 'Yes',
        automated_decision: 'AUTOMATED_DECISION_FULLY',
        puid: id,
      });
      expect(validateStatementOfReasons(res.body)).toEqual([]);
      expect(res.text).not.toContain(body.accountId as string);
      expect(res.text).not.toContain(body.accountEmail as string);
      expect(res.text).not.toContain('@');
    });

    it('upheld: a termination; lifted: a suspension that ended on the lift date; both valid', async () => {
      const upheldBody = chattyRequest({ reasonCode: 'payment_fraud', automatedDecision: false });
      const upheld = await suspendAndAppeal(app, upheldBody);
      await act(app, upheld.appealId, 'claim', REVIEWER);
      await act(app, upheld.appealId, 'decision', REVIEWER, {
        outcome: 'upheld',
        rationale: 'The card payments were charged back as fraudulent.',
      });
      const liftedBody = chattyRequest({
        reasonCode: 'spam',
        frozenBalance: { amountMinor: 0, currency: 'USD' },
      });
      const liftedId = await suspend(liftedBody);
      await app.http
        .post(`/v1/suspensions/${liftedId}/lift`)
        .set(app.bearer('enforcer_1', 'enforcement'))
        .send({ reason: 'The spam detector misfired' })
        .expect(200);
      const [{ lifted_day, suspended_day }] = await app.query<{ lifted_day: string; suspended_day: string }>(
        `SELECT to_char(lifted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS lifted_day,
                to_char(suspended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS suspended_day
           FROM suspensions WHERE id = $1`,
        [liftedId],
      );

      const u = await statementOf(upheld.suspensionId).expect(200);
      expect(u.body).toMatchObject({
        decision_account: 'DECISION_ACCOUNT_TERMINATED',
        decision_provision: 'DECISION_PROVISION_TOTAL_TERMINATION',
        decision_monetary: 'DECISION_MONETARY_OTHER',
        category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
        automated_decision: 'AUTOMATED_DECISION_PARTIALLY',
        puid: `${upheld.suspensionId}-2`,
      });
      expect(u.body.end_date_account_restriction).toBeUndefined();

      const l = await statementOf(liftedId).expect(200);
      expect(l.body).toMatchObject({
        decision_account: 'DECISION_ACCOUNT_SUSPENDED',
        decision_provision: 'DECISION_PROVISION_TOTAL_SUSPENSION',
        category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
        content_date: suspended_day,
        application_date: suspended_day,
        end_date_account_restriction: lifted_day,
        end_date_service_restriction: lifted_day,
        puid: `${liftedId}-2`,
      });
      expect(l.body.decision_monetary).toBeUndefined();

      for (const [res, body] of [
        [u, upheldBody],
        [l, liftedBody],
      ] as const) {
        expect(validateStatementOfReasons(res.body)).toEqual([]);
        expect(res.text).not.toContain(body.accountId as string);
        expect(res.text).not.toContain(body.accountEmail as string);
      }
    });

    it('one statement per decision: a lift publishes a second with a new puid, the first unchanged, both valid', async () => {
      const id = await suspend(chattyRequest());
      const before = await statementsOf(id).expect(200);
      expect(before.body.data).toHaveLength(1);
      await app.http
        .post(`/v1/suspensions/${id}/lift`)
        .set(app.bearer('enforcer_1', 'enforcement'))
        .send({ reason: 'The detector misfired' })
        .expect(200);

      const after = await statementsOf(id).expect(200);
      const [first, second] = after.body.data;
      expect(after.body.data).toHaveLength(2);
      expect(first).toEqual(before.body.data[0]);
      expect(first).toMatchObject({ seq: 1, decision: 'suspension', puid: id });
      expect(second).toMatchObject({ seq: 2, decision: 'lift', puid: `${id}-2` });
      expect(first.statement.puid).toBe(id);
      expect(second.statement.puid).toBe(`${id}-2`);
      expect(second.statement.end_date_account_restriction).toBeDefined();
      expect(second.statement.decision_facts).toContain('the suspension was lifted');
      for (const published of [first, second])
        expect(validateStatementOfReasons(published.statement)).toEqual([]);
      // the singular route answers the current decision's statement
      expect((await statementOf(id).expect(200)).body).toEqual(second.statement);
      await expect(
        app.query(`UPDATE dsa_statements SET statement = '{}' WHERE suspension_id = $1`, [id]),
      ).rejects.toThrow(/never changes/);
    });

    it('an upheld appeal reopened: suspension, termination, reopening, each with its own puid', async () => {
      const filed = await suspendAndAppeal(app, chattyRequest());
      await act(app, filed.appealId, 'claim', REVIEWER);
      await act(app, filed.appealId, 'decision', REVIEWER, {
        outcome: 'upheld',
        rationale: 'The traffic was distillation.',
      });
      await act(app, filed.appealId, 'reopen', ['senior_1', 'senior_reviewer'], {
        reason: 'new evidence arrived',
      });
      const { data } = (await statementsOf(filed.suspensionId).expect(200)).body;
      expect(data.map((p: { decision: string; puid: string }) => [p.decision, p.puid])).toEqual([
        ['suspension', filed.suspensionId],
        ['termination', `${filed.suspensionId}-2`],
        ['reopening', `${filed.suspensionId}-3`],
      ]);
      expect(data[2].statement.decision_account).toBe('DECISION_ACCOUNT_SUSPENDED');
      for (const published of data) expect(validateStatementOfReasons(published.statement)).toEqual([]);
    });

    it('admins and the enforcement system that sent it only; 404 for an unknown or malformed id', async () => {
      const id = await suspend(chattyRequest());
      await statementOf(id, app.bearer('enforcer_1', 'enforcement')).expect(200);
      const elsewhere = await statementOf(id, app.bearer('enforcer_2', 'enforcement')).expect(404);
      expect(elsewhere.body.code).toBe('not_found');
      for (const role of ['appellant', 'reviewer', 'senior_reviewer', 'finance'] as Role[]) {
        const res = await statementOf(id, app.bearer('someone', role)).expect(403);
        expect(res.body.code).toBe('forbidden');
      }
      await app.http.get(`/v1/suspensions/${id}/statement-of-reasons`).expect(401);
      const missing = await statementOf('00000000-0000-4000-8000-000000000000').expect(404);
      expect(missing.body.code).toBe('not_found');
      await statementOf('not-a-uuid').expect(404);
    });
  });

  describe('GET /v1/me/export', () => {
    const INTERNAL_NOTE = 'INTERNAL: the detector score looks inflated for this cohort';
    const INTERNAL_FILE = 'detector-calibration.pdf';
    let mine: Filed;
    let theirs: Filed;

    function upload(
      appealId: string,
      as: { Authorization: string },
      content: Buffer,
      name: string,
      fields = {},
    ) {
      const req = app.http.post(`/v1/appeals/${appealId}/evidence`).set(as);
      for (const [k, v] of Object.entries(fields)) req.field(k, v as string);
      return req.attach('file', content, name).expect(201);
    }

    const message = (appealId: string, as: { Authorization: string }, body: Record<string, unknown>) =>
      app.http.post(`/v1/appeals/${appealId}/messages`).set(as).send(body).expect(201);

    beforeAll(async () => {
      mine = await suspendAndAppeal(app, {
        signals: { detector: 'distill-v3', score: 0.97, cluster: 'c-4411' },
      });
      theirs = await suspendAndAppeal(app);
      const reviewer = app.bearer(...REVIEWER);

      await message(mine.appealId, mine.owner, { body: 'Some more context: we are a translation start-up.' });
      await upload(mine.appealId, mine.owner, PNG, 'receipt.png', {
        description: 'Invoice for the prepaid balance',
      });
      await act(app, mine.appealId, 'claim', REVIEWER);
      await message(mine.appealId, reviewer, { body: INTERNAL_NOTE, internal: true });
      await upload(mine.appealId, reviewer, PDF, INTERNAL_FILE, { internal: 'true' });
      await act(app, mine.appealId, 'request-info', REVIEWER, {
        message: 'Please describe your evaluation suite.',
      });
      await message(mine.appealId, mine.owner, {
        body: 'It runs nightly at 02:00 UTC against our own prompts.',
      });
      await act(app, mine.appealId, 'decision', REVIEWER, {
        outcome: 'overturned',
        rationale: 'The traffic matches a documented evaluation suite.',
        refund: { amountMinor: 5000 },
      });
      const [{ id: refundId }] = await app.query<{ id: string }>(
        'SELECT id FROM refunds WHERE appeal_id = $1',
        [mine.appealId],
      );
      const finance = app.bearer('fin_1', 'finance');
      await app.http.post(`/v1/refunds/${refundId}/approve`).set(finance).expect(200);
      await eventually(
        async () =>
          (await app.query(`SELECT 1 FROM refunds WHERE id = $1 AND status = 'processing'`, [refundId]))
            .length > 0,
      );
      await app.http
        .post(`/v1/refunds/${refundId}/mark-paid`)
        .set(finance)
        .send({ providerRef: 'SEPA-77' })
        .expect(200);

      await message(theirs.appealId, theirs.owner, { body: 'Another person’s private message.' });
      const expected = [
        'suspension.noticed',
        'appeal.received',
        'appeal.info_requested',
        'appeal.decided',
        'refund.approved',
        'refund.paid',
      ];
      await eventually(
        async () => {
          const res = await app.http.get('/v1/me/notifications').set(mine.owner).expect(200);
          const templates = res.body.data.map((n: { template: string }) => n.template);
          return expected.every((t) => templates.includes(t));
        },
        30_000,
        'inbox notices',
      );
    }, 120_000);

    const exportAs = (as: { Authorization: string }) => app.http.get('/v1/me/export').set(as);
    // the export holds only the appellant's view of each item, so its items carry no `view` tag
    const asExported = ({ accountId: _, view: __, ...rest }: Record<string, unknown>) => rest;

    it('holds the caller’s data, each item as the appellant sees it through the API', async () => {
      const res = await exportAs(mine.owner).expect(200);
      const doc = res.body;
      expect(doc).toMatchObject({ accountId: mine.accountId, sectionLimit: 1000, truncated: [] });
      expect(Date.parse(doc.generatedAt)).not.toBeNaN();

      const suspension = await app.http
        .get(`/v1/suspensions/${mine.suspensionId}`)
        .set(mine.owner)
        .expect(200);
      expect(doc.suspensions).toEqual([asExported(suspension.body)]);
      const appeal = await app.http.get(`/v1/appeals/${mine.appealId}`).set(mine.owner).expect(200);
      expect(doc.appeals).toEqual([asExported(appeal.body)]);
      const refunds = await app.http.get('/v1/me/refunds').set(mine.owner).expect(200);
      expect(doc.refunds).toEqual(
        refunds.body.data.map(({ view: _, ...rest }: Record<string, unknown>) => rest),
      );
      expect(doc.refunds).toEqual([
        expect.objectContaining({
          amount: { amountMinor: 5000, currency: 'USD' },
          status: 'paid',
          providerRef: 'SEPA-77',
        }),
      ]);
      const inbox = await app.http.get('/v1/me/notifications?limit=200').set(mine.owner).expect(200);
      expect(doc.notifications).toEqual(inbox.body.data);

      // the thread without the internal note, newest first, with no author ids
      expect(doc.messages.map((m: { authorRole: string; body: string }) => [m.authorRole, m.body])).toEqual([
        ['appellant', 'It runs nightly at 02:00 UTC against our own prompts.'],
        ['reviewer', 'Please describe your evaluation suite.'],
        ['appellant', 'Some more context: we are a translation start-up.'],
      ]);
      for (const m of doc.messages)
        expect(Object.keys(m).sort()).toEqual(['appealId', 'authorRole', 'body', 'createdAt', 'id']);

      // the appellant's file, not the staff's internal one; no uploader id, no storage path
      const files = await app.http.get(`/v1/appeals/${mine.appealId}/evidence`).set(mine.owner).expect(200);
      expect(doc.evidence).toEqual(
        files.body.data.map(({ internal: _, view: __, ...e }: Record<string, unknown>) => e),
      );
      expect(doc.evidence).toEqual([
        expect.objectContaining({
          fileName: 'receipt.png',
          contentType: 'image/png',
          submittedBy: 'appellant',
        }),
      ]);

      // 12,500 frozen; 5,000 claimed by the refund, 7,500 released by the overturn; the refund paid
      expect(doc.ledger.balances).toEqual([
        { book: 'customer_frozen', currency: 'USD', amountMinor: 0 },
        { book: 'refund_payable', currency: 'USD', amountMinor: 0 },
      ]);
      expect(doc.ledger.entries.map((e: { kind: string }) => e.kind)).toEqual([
        'refund_paid',
        'refund_approved',
        'release',
        'freeze',
      ]);
      expect(doc.ledger.entries.find((e: { kind: string }) => e.kind === 'release').legs).toEqual([
        { book: 'customer_frozen', accountId: mine.accountId, amountMinor: -7500 },
        { book: 'platform_balance', accountId: null, amountMinor: 7500 },
      ]);
      for (const entry of doc.ledger.entries as { legs: { amountMinor: number }[] }[]) {
        expect(entry.legs.reduce((sum, leg) => sum + leg.amountMinor, 0)).toBe(0);
      }
    });

    it('holds nothing of another appellant and nothing staff-only', async () => {
      const res = await exportAs(mine.owner).expect(200);
      for (const secret of [
        theirs.accountId,
        theirs.suspensionId,
        theirs.appealId,
        'Another person’s private message.',
        INTERNAL_NOTE,
        INTERNAL_FILE,
        'distill-v3', // detector signals
        'c-4411',
        'signals',
        'rev_1', // reviewer, finance and enforcement identities
        'fin_1',
        'enforcer_1',
        'assigneeId',
        'decidedBy',
        'authorId',
        'submittedBySub',
        'proposedBy',
        'approvedBy',
        'externalRef',
        'accountEmail',
      ]) {
        expect(res.text).not.toContain(secret);
      }

      const other = await exportAs(theirs.owner).expect(200);
      expect(other.body.accountId).toBe(theirs.accountId);
      expect(other.body.suspensions.map((s: { id: string }) => s.id)).toEqual([theirs.suspensionId]);
      expect(other.body.appeals.map((a: { id: string }) => a.id)).toEqual([theirs.appealId]);
      expect(other.body.messages.map((m: { body: string }) => m.body)).toEqual([
        'Another person’s private message.',
      ]);
      expect(other.body.refunds).toEqual([]);
      expect(other.text).not.toContain(mine.accountId);
    });

    it('an account Redress knows nothing about gets an empty document', async () => {
      const res = await exportAs(app.bearer('acct_never_suspended', 'appellant')).expect(200);
      expect(res.body).toEqual({
        accountId: 'acct_never_suspended',
        generatedAt: expect.any(String),
        sectionLimit: 1000,
        truncated: [],
        suspensions: [],
        appeals: [],
        messages: [],
        evidence: [],
        refunds: [],
        ledger: { balances: [], entries: [] },
        notifications: [],
      });
    });

    it('is for appellants only', async () => {
      for (const role of ['reviewer', 'senior_reviewer', 'finance', 'enforcement', 'admin'] as Role[]) {
        const res = await exportAs(app.bearer(mine.accountId, role)).expect(403);
        expect(res.body.code).toBe('forbidden');
      }
      await app.http.get('/v1/me/export').expect(401);
    });
  });
});
