import { STATEMENT, eventually, suspendAndAppeal, suspensionRequest, TestApp } from '@redress/testing';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import {
  assertFitsWidth,
  buildConsole,
  launchBrowser,
  NARROW,
  openWindow,
  pageErrors,
  refreshUntil,
  screenshot,
  unlabelledFields,
  WIDE,
} from './console-browser';

const RATIONALE = 'The flagged traffic was the appellant’s own evaluation suite, run from one CI range.';

/**
 * The console in Debian's Chromium against the real API, database, Redis and worker: people click
 * through it the way they would, and the test checks what they see and what the API then holds.
 */
// A browser on a loaded 2-core machine occasionally misses a 30 s wait; each story builds its own data,
// so a failed one is retried once (and its first error still printed).
jest.retryTimes(1, { logErrorsBeforeRetry: true });

describe('Console: reviewers, finance and seniors in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    buildConsole();
    app = await TestApp.start('console', {
      // development without a key: the console's role picker exists; manual payouts: finance records the payment
      env: {
        NODE_ENV: 'development',
        AUTH_JWT_SECRET: '',
        PAYOUT_PROVIDER: 'manual',
        RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.api.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function devSignIn(page: Page, sub: string, extraRoles: string[] = []): Promise<void> {
    await page.getByLabel('Your id (sub)').fill(sub);
    for (const role of extraRoles) await page.getByLabel(role, { exact: true }).check();
    await page.getByRole('button', { name: 'Get a token and sign in' }).click();
  }

  async function pasteSignIn(page: Page, token: string): Promise<void> {
    await page.getByLabel('Token', { exact: true }).fill(token);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('serves the app at /console with deep links falling back to it, and assets as files', async () => {
    const index = await app.http.get('/console/cases/not-a-real-case').expect(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.text).toContain('<div id="root">');
    const script = /src="\/console\/(assets\/[^"]+\.js)"/.exec(index.text)![1];
    const asset = await app.http.get(`/console/${script}`).expect(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    // precompressed at build time, chosen by Accept-Encoding
    const br = await app.http
      .get(`/console/${script}`)
      .set('Accept-Encoding', 'br')
      .buffer(true)
      .parse((res, done) => {
        res.on('data', () => undefined);
        res.on('end', () => done(null, null));
      });
    expect(br.headers['content-encoding']).toBe('br');
    await app.http.get('/console/assets/missing.js').expect(404);
    await app.http.get('/console/../package.json').expect((res) => expect(res.text).not.toContain('"name"'));
  });

  it('a reviewer takes the next case, asks for information, then decides with a refund that finance approves and pays', async () => {
    // the highest-priority case in the queue: automated decision and a large frozen balance
    const filed = await suspendAndAppeal(app, { frozenBalance: { amountMinor: 150_000, currency: 'USD' } });

    const reviewer = await openWindow(browser, base);
    const page = reviewer.page;
    await devSignIn(page, 'rev_ada');
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: filed.accountId });
    await row.waitFor();
    await row.getByText('Submitted').waitFor();
    expect(await row.locator('.priority').textContent()).toBe('60');
    expect(await unlabelledFields(page)).toEqual([]);
    await screenshot(page, 'queue-1280');
    await page.setViewportSize(NARROW);
    await assertFitsWidth(page);
    await screenshot(page, 'queue-narrow');
    await page.setViewportSize(WIDE);

    // "n": the next case is claimed for the reviewer and opened
    await page.locator('body').press('n');
    await page.getByRole('heading', { name: `Appeal of ${filed.accountId}` }).waitFor();
    expect(page.url()).toBe(`${base}/console/cases/${filed.appealId}`);
    const summary = page.getByLabel('Case summary');
    await summary.getByText('In review').waitFor();
    await summary.getByText('You', { exact: true }).waitFor();
    expect(await page.getByRole('group', { name: 'Actions' }).getByRole('button').allTextContents()).toEqual([
      'Release',
      'Request information',
      'Escalate',
      'Decide',
    ]);
    await page.getByText('"distill-v3"').waitFor(); // detector signals: staff only

    // an internal note, then a question to the appellant with a due date
    await page.getByLabel('Internal note (staff only)').fill('Traffic comes from one CI range.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.message-internal').filter({ hasText: 'Traffic comes from one CI range.' }).waitFor();
    await page.getByRole('button', { name: 'Request information' }).click();
    await page
      .getByLabel('Question to the appellant (they will see it)')
      .fill('Which IP ranges run your suite?');
    await page.getByLabel('Reply due in (days, 1–30)').fill('3');
    await page.getByRole('button', { name: 'Send request', exact: true }).click();
    await summary.getByText('Awaiting appellant').waitFor();
    expect(await page.getByRole('group', { name: 'Actions' }).count()).toBe(0);

    // the appellant answers through the API; the reviewer refreshes and sees it back in review
    await app.http
      .post(`/v1/appeals/${filed.appealId}/messages`)
      .set(filed.owner)
      .send({ body: '203.0.113.0/24: our CI provider.' })
      .expect(201);
    await refreshUntil(page, () => summary.getByText('In review').isVisible(), 'the case back in review');
    await page.getByText('203.0.113.0/24: our CI provider.').waitFor();
    await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
    await page.getByText('The appellant answered.').waitFor();
    await screenshot(page, 'case-1280');
    await page.setViewportSize(NARROW);
    await assertFitsWidth(page);
    await screenshot(page, 'case-narrow');
    await page.setViewportSize(WIDE);

    // decide: overturned, with a refund of 125.00 of the 1,500.00 frozen
    await page.getByRole('button', { name: 'Decide' }).click();
    await page.getByRole('radio', { name: 'Overturned' }).check();
    await page.getByLabel('Rationale (the appellant reads it)').fill(RATIONALE);
    await page.getByLabel('Propose a refund of the frozen balance').check();
    await page.getByLabel('Refund amount (USD)').fill('125.00');
    await page.getByRole('button', { name: 'Record decision', exact: true }).click();
    await summary.getByText('Decided').waitFor();
    await page.getByRole('heading', { name: 'Decision' }).waitFor();
    expect(pageErrors(page)).toEqual([]);

    const appeal = await app.http.get(`/v1/appeals/${filed.appealId}`).set(app.bearer('rev_ada', 'reviewer'));
    expect(appeal.body).toMatchObject({
      status: 'decided',
      decision: { outcome: 'overturned', rationale: RATIONALE },
    });
    const [refund] = await app.query<{
      id: string;
      amount_minor: string;
      proposed_by: string;
      status: string;
    }>(`SELECT id, amount_minor, proposed_by, status FROM refunds WHERE appeal_id = $1`, [filed.appealId]);
    expect(refund).toMatchObject({ proposed_by: 'rev_ada', status: 'proposed' });
    expect(Number(refund.amount_minor)).toBe(12_500);

    // four-eyes: the proposer, even holding the finance role, is not offered "Approve"
    const proposer = await openWindow(browser, base);
    await pasteSignIn(proposer.page, app.token('rev_ada', 'reviewer', 'finance'));
    await proposer.page.getByRole('link', { name: 'Finance' }).click();
    const own = proposer.page.locator(`[data-refund-id="${refund.id}"]`);
    await own.getByText('You proposed this refund: someone else must approve it.').waitFor();
    expect(await own.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await proposer.context.close();

    // finance (another person) approves; the worker hands it to the manual provider; finance marks it paid
    const finance = await openWindow(browser, base);
    const fin = finance.page;
    await pasteSignIn(fin, app.token('fin_bo', 'finance'));
    await fin.getByRole('heading', { name: 'Refunds' }).waitFor();
    const proposed = fin.locator(`[data-refund-id="${refund.id}"]`);
    await proposed.getByText('$125.00').waitFor();
    await screenshot(fin, 'finance-refunds-1280');
    await proposed.getByRole('button', { name: 'Approve' }).click();
    await fin.getByText('The refund is approved; the payout is on its way.').waitFor();
    await fin.getByLabel('Status').selectOption('processing');
    const processing = fin.locator(`[data-refund-id="${refund.id}"]`);
    await refreshUntil(fin, () => processing.isVisible(), 'the refund to reach processing');
    await processing.getByRole('button', { name: 'Mark paid' }).click();
    await processing.getByLabel('Payment reference').fill('bank-transfer-7781');
    await processing.locator('form').getByRole('button', { name: 'Mark paid' }).click();
    await fin.getByText('The refund is recorded as paid.').waitFor();
    await fin.getByLabel('Status').selectOption('paid');
    const paid = fin.locator(`[data-refund-id="${refund.id}"]`);
    await paid.getByText('Paid', { exact: true }).waitFor();
    await paid.getByText('bank-transfer-7781').waitFor();
    await screenshot(fin, 'finance-paid-1280');

    // the account's ledger shows the whole path of the money
    await paid.getByRole('link', { name: 'ledger' }).click();
    await fin.getByRole('heading', { name: `Balances of ${filed.accountId}` }).waitFor();
    for (const kind of ['Freeze', 'Release', 'Refund approved', 'Refund paid']) {
      await fin.getByRole('cell', { name: kind, exact: true }).waitFor();
    }
    await screenshot(fin, 'finance-ledger-1280');

    // the reconciliation export names the payment
    await fin.getByRole('link', { name: 'Reconciliation' }).click();
    const [download] = await Promise.all([
      fin.waitForEvent('download'),
      fin.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(refund.id);
    expect(csv).toContain('bank-transfer-7781');
    expect(pageErrors(fin)).toEqual([]);
    const [{ status }] = await app.query<{ status: string }>(`SELECT status FROM refunds WHERE id = $1`, [
      refund.id,
    ]);
    expect(status).toBe('paid');
    await finance.context.close();
    await reviewer.context.close();
  }, 180_000);

  it('a senior reviewer runs a bulk decision on a wave and watches the progress reach 100 %', async () => {
    const enforcement = app.bearer('enforcer_1', 'enforcement');
    const wave = (
      await app.http
        .post('/v1/waves')
        .set(enforcement)
        .send({
          name: 'vpn-relays-console',
          detector: 'vpn-relay-v2',
          description: 'Corporate proxies flagged',
        })
        .expect(201)
    ).body;
    const items = Array.from({ length: 12 }, (_, i) => {
      const { waveId: _w, ...item } = suspensionRequest({
        accountId: `wave_acct_${i}`,
        externalRef: `wave-console-${i}`,
        automatedDecision: false,
        frozenBalance: { amountMinor: 1000, currency: 'USD' },
      });
      return item;
    });
    await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement)
      .send({ waveId: wave.id, items })
      .expect(200);
    const suspensions = await app.query<{ id: string; account_id: string }>(
      `SELECT id, account_id FROM suspensions WHERE wave_id = $1 ORDER BY account_id`,
      [wave.id],
    );
    for (const s of suspensions.slice(0, 8)) {
      await app.http
        .post('/v1/appeals')
        .set(app.bearer(s.account_id, 'appellant'))
        .send({ suspensionId: s.id, statement: STATEMENT, requestedRemedy: 'reinstate' })
        .expect(201);
    }

    const { page, context } = await openWindow(browser, base);
    await devSignIn(page, 'sen_cy', ['senior reviewer']);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.getByRole('link', { name: 'Ban waves' }).click();
    const row = page.getByRole('row').filter({ hasText: 'vpn-relays-console' });
    await row.getByRole('cell', { name: '12', exact: true }).waitFor();
    await screenshot(page, 'waves-1280');
    await row.getByRole('link', { name: 'vpn-relays-console' }).click();
    await page.getByRole('heading', { name: 'vpn-relays-console' }).waitFor();
    await page.getByText('all 8 appeals of the wave').waitFor();

    await page.getByRole('radio', { name: 'Overturned' }).check();
    await page
      .getByLabel('Rationale (the appellant reads it)')
      .fill('The VPN-relay detector misfired on a corporate proxy range.');
    await page.getByLabel(/Also lift the 4 suspensions nobody appealed/).check();
    await page.getByRole('button', { name: 'Review bulk decision' }).click();
    await page
      .getByText('This decides 8 open appeals as “Overturned” and lifts 4 unappealed suspensions')
      .waitFor();
    await page.getByRole('button', { name: 'Confirm and start' }).click();

    const progress = page.getByRole('progressbar', { name: 'Bulk decision progress' });
    await progress.waitFor();
    await eventually(
      async () =>
        (await progress.getAttribute('aria-valuenow')) === '100' &&
        (await page.getByText('Completed').isVisible()),
      60_000,
      'the bulk decision to complete',
    );
    expect(await page.getByTestId('job-percent').textContent()).toBe('100 %');
    await page.getByText('12 of 12 processed').waitFor();
    await screenshot(page, 'wave-bulk-1280');
    await page.setViewportSize(NARROW);
    await assertFitsWidth(page);
    await screenshot(page, 'wave-bulk-narrow');
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    const states = await app.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM suspensions WHERE wave_id = $1 GROUP BY status`,
      [wave.id],
    );
    expect(states).toEqual([{ status: 'lifted', n: '12' }]);
    const [{ decided }] = await app.query<{ decided: string }>(
      `SELECT count(*) AS decided FROM appeals a JOIN suspensions s ON s.id = a.suspension_id
        WHERE s.wave_id = $1 AND a.status = 'decided'`,
      [wave.id],
    );
    expect(decided).toBe('8');
  }, 180_000);

  it('an admin reads the transparency report with charts, downloads it as CSV, and switches to Chinese', async () => {
    const { page, context } = await openWindow(browser, base);
    await pasteSignIn(page, app.token('adm_di', 'admin'));
    await page.getByRole('heading', { name: 'Transparency report' }).waitFor();
    await page.getByText('Appeals received by reason').waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    const received = page.locator('.figure').filter({ hasText: 'Appeals received' }).locator('dd');
    expect(Number(await received.textContent())).toBeGreaterThanOrEqual(9);
    await screenshot(page, 'reports-1280');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8').split('\n')[0]).toBe('section,key,metric,value');

    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '透明度报告' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await screenshot(page, 'reports-zh-CN-1280');
    expect(await unlabelledFields(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('Console: the development sign-in endpoint', () => {
  it('exists in development without a configured key, left out of the document, and hands out working tokens', async () => {
    const app = await TestApp.start('console-dev', {
      worker: false,
      env: { NODE_ENV: 'development', AUTH_JWT_SECRET: '' },
    });
    try {
      const doc = await app.http.get('/docs-json').expect(200);
      expect(doc.body.paths['/v1/dev/token']).toBeUndefined(); // the document is the same everywhere
      const res = await app.http
        .post('/v1/dev/token')
        .send({ sub: 'rev_1', roles: ['reviewer'] })
        .expect(200);
      await app.http.get('/v1/review/queue').set('Authorization', `Bearer ${res.body.token}`).expect(200);
      await app.http
        .post('/v1/dev/token')
        .send({ sub: 'x', roles: ['root'] })
        .expect(400);
    } finally {
      await app.close();
    }
  });

  it('does not exist at all in production, in tests, nor in development with a configured secret', async () => {
    // production refuses to boot without a guard for /metrics and a key for access-link sessions
    const METRICS_TOKEN = 'console-test-metrics-token';
    const ACCESS_TOKEN_SECRET = 'console-test-access-token-secret';
    for (const NODE_ENV of ['production', 'test', 'development']) {
      const app = await TestApp.start(`console-${NODE_ENV}`, {
        worker: false,
        env: { NODE_ENV, METRICS_TOKEN, ACCESS_TOKEN_SECRET },
      });
      try {
        const doc = await app.http.get('/docs-json').expect(200);
        expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/v1/dev'))).toEqual([]);
        const res = await app.http
          .post('/v1/dev/token')
          .send({ sub: 'rev_1', roles: ['admin'] })
          .expect(404);
        expect(res.body.code).toBe('not_found');
        // source maps are built, but not served in production
        const index = await app.http.get('/console/').expect(200);
        const script = /src="\/console\/(assets\/[^"]+\.js)"/.exec(index.text)![1];
        await app.http.get(`/console/${script}.map`).expect(NODE_ENV === 'production' ? 404 : 200);
      } finally {
        await app.close();
      }
    }
  });
});
