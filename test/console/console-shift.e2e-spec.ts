import { signToken } from '@redress/auth';
import { loadConfig } from '@redress/config';
import type { Role } from '@redress/kernel';
import { eventually, STATEMENT, suspendAndAppeal, suspensionRequest, TestApp } from '@redress/testing';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  buildConsole,
  launchBrowser,
  openWindow,
  pageErrors,
  screenshot,
} from './console-browser';

/**
 * A reviewer's whole shift in the console, in Debian's Chromium against the real API, database, Redis
 * and worker: ten cases decided with macros and "& next" from the keyboard, search by every kind of
 * id, a draft that outlives an expired token, one sign-in shared by two tabs, the bulk form's counts
 * after a wave-wide decision, and axe-core on every page.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });

const CASES = 10;

describe('Console: a reviewer’s shift', () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  const token = (sub: string, roles: Role[], expiresInSeconds = 3600) =>
    signToken(loadConfig(app.env), { sub, roles }, { expiresInSeconds });
  const admin = () => app.bearer('adm_shift', 'admin');

  beforeAll(async () => {
    buildConsole();
    app = await TestApp.start('console_shift', {
      env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_CLOCK_TOLERANCE_SECONDS: '0' },
    });
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.api.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(page: Page, sub: string, roles: Role[], ttl?: number): Promise<void> {
    await page.getByLabel('Token', { exact: true }).fill(token(sub, roles, ttl));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('decides ten cases in a row with macros and “& next”, by keyboard only, in at most 4 keys each', async () => {
    for (const [locale, body] of [
      [
        'zh-CN',
        '经复核，{{policyClause}} 不适用：流量来自申诉人自己的评测。冻结余额 {{frozenBalance}} 将退还。',
      ],
      [
        'en',
        'On review, {{policyClause}} does not apply: the traffic was the appellant’s own evaluation suite. The frozen {{frozenBalance}} is released.',
      ],
    ]) {
      await app.http
        .post('/v1/macros')
        .set(admin())
        .send({
          name: `Overturn: own evaluation (${locale})`,
          kind: 'decision',
          outcome: 'overturned',
          reasonCode: 'model_distillation',
          locale,
          body,
        })
        .expect(201);
    }
    const filed = [];
    for (let i = 0; i < CASES; i++)
      filed.push(
        await suspendAndAppeal(app, {
          locale: i % 2 ? 'zh-CN' : 'en',
          frozenBalance: { amountMinor: 1000 * (i + 1), currency: 'USD' },
        }),
      );

    const { page, context } = await openWindow(browser, base);
    await signIn(page, 'rev_shift', ['reviewer']);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    let keys = 0;
    const press = async (key: string) => {
      keys++;
      await page.keyboard.press(key);
    };
    await press('n'); // the first case, claimed and opened
    const decided: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const heading = page.getByRole('heading', { name: /^Appeal of / });
      await heading.waitFor();
      await page.getByLabel('Case summary').getByText('In review').waitFor();
      const id = page.url().split('/').pop()!;
      const before = keys;
      await press('d'); // the decision form, its macro picker focused
      const picker = page.getByLabel('Start from a macro (optional)');
      await picker.locator('option').nth(1).waitFor({ state: 'attached' });
      expect(await page.evaluate('document.activeElement?.id')).toBe('decide-macro');
      if (i === 0) {
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'shift-decide-macro-1280');
      }
      await press('ArrowDown'); // the best macro: the appellant's language first, filled in
      await page.getByRole('radio', { name: 'Overturned' }).and(page.locator(':checked')).waitFor();
      await press('Control+Enter'); // decide & next
      await page.waitForURL((url) => !url.pathname.endsWith(id));
      decided.push(id);
      expect(keys - before).toBeLessThanOrEqual(4);
    }
    // nothing left to take: back in the queue, told so
    await page.getByText('There is no case you can take right now.').waitFor();
    const perCase = (keys - 1) / CASES;
    // the figure the issue asks for, in the test output
    console.log(`${CASES} cases decided with macros, ${keys} keys in all: ${perCase} per case (+1 to start)`);
    expect(perCase).toBeLessThanOrEqual(4);
    expect(pageErrors(page)).toEqual([]);

    expect(new Set(decided)).toEqual(new Set(filed.map((f) => f.appealId)));
    const rows = await app.query<{
      id: string;
      decision_outcome: string;
      decision_rationale: string;
      locale: string;
    }>(
      `SELECT a.id, a.decision_outcome, a.decision_rationale, s.locale FROM appeals a JOIN suspensions s ON s.id = a.suspension_id WHERE a.id = ANY($1)`,
      [decided],
    );
    for (const row of rows) {
      expect(row.decision_outcome).toBe('overturned');
      expect(row.decision_rationale).not.toContain('{{');
      expect(row.decision_rationale).toContain('Terms of Service §4.2');
      // the macro in the appellant's language came first
      expect(/[\u4e00-\u9fff]/.test(row.decision_rationale)).toBe(row.locale === 'zh-CN');
    }
    await context.close();
  }, 240_000);

  it('finds a case by its appeal id, suspension id, enforcement reference and account id, and a wave by its name', async () => {
    const wave = (
      await app.http
        .post('/v1/waves')
        .set(app.bearer('enf_shift', 'enforcement'))
        .send({ name: 'Shift sweep 2026-12', detector: 'vpn-relay-v2' })
        .expect(201)
    ).body;
    const filed = await suspendAndAppeal(app, { waveId: wave.id });
    const [{ external_ref: ref }] = await app.query<{ external_ref: string }>(
      `SELECT external_ref FROM suspensions WHERE id = $1`,
      [filed.suspensionId],
    );
    const { page, context } = await openWindow(browser, base);
    await signIn(page, 'rev_search', ['reviewer']);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    const find = async (text: string) => {
      await page.keyboard.press('Control+k');
      await page.getByLabel('Appeal, suspension, account, enforcement reference or wave').fill(text);
      await page.keyboard.press('Enter');
    };
    for (const text of [filed.appealId, filed.suspensionId, ref]) {
      await find(text);
      await page.waitForURL(`${base}/console/cases/${filed.appealId}`);
      await page.getByRole('heading', { name: `Appeal of ${filed.accountId}` }).waitFor();
      await page.goto(`${base}/console/queue`);
      await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    }
    await find(filed.accountId);
    await page.getByRole('heading', { name: `Account ${filed.accountId}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await find('shift sweep');
    await page.getByRole('heading', { name: 'Shift sweep 2026-12' }).waitFor();
    // the dialog itself passes axe too
    await page.keyboard.press('/');
    await page.getByRole('dialog', { name: 'Find a case' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'shift-search-1280');
    await page.keyboard.press('Escape');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('keeps a half-written rationale through an expired token and a new sign-in', async () => {
    const filed = await suspendAndAppeal(app);
    await app.http
      .post(`/v1/appeals/${filed.appealId}/claim`)
      .set(app.bearer('rev_draft', 'reviewer'))
      .expect(200);
    const { page, context } = await openWindow(browser, base);
    await signIn(page, 'rev_draft', ['reviewer'], 6);
    await page.goto(`${base}/console/cases/${filed.appealId}`);
    await page.getByRole('heading', { name: `Appeal of ${filed.accountId}` }).waitFor();
    await page.getByRole('button', { name: 'Decide' }).click();
    const draft = 'The proxy range belongs to the appellant’s CI provider; half of this is written';
    await page.getByLabel('Rationale (the appellant reads it)').fill(draft);
    await page.getByText(/Your sign-in ends at/).waitFor();
    // the token runs out; the next call answers 401 and the console asks to sign in again
    await eventually(
      async () =>
        Date.now() >
        JSON.parse(
          Buffer.from(
            ((await page.evaluate("localStorage.getItem('redress.console.token')")) as string)!.split('.')[1],
            'base64url',
          ).toString(),
        ).exp *
          1000 +
          1000,
      15_000,
      'the token to expire',
    );
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, 'rev_draft', ['reviewer']);
    await page.getByRole('heading', { name: `Appeal of ${filed.accountId}` }).waitFor();
    await page.getByRole('button', { name: 'Decide' }).click();
    expect(await page.getByLabel('Rationale (the appellant reads it)').inputValue()).toBe(draft);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('shares one sign-in between two tabs, and one sign-out', async () => {
    const { page, context } = await openWindow(browser, base);
    await signIn(page, 'fin_tabs', ['finance']);
    await page.getByRole('heading', { name: 'Refunds' }).waitFor();
    const second = await context.newPage();
    await second.goto(`${base}/console/finance/ledger`);
    await second.getByText('fin_tabs').first().waitFor();
    expect(await axeViolations(second)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await second.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(second)).toEqual([]);
    await context.close();
  }, 60_000);

  it('after a wave-wide decision, the bulk form offers no suspension to lift and the wave lists all its appeals', async () => {
    const enforcement = app.bearer('enf_shift', 'enforcement');
    const wave = (
      await app.http
        .post('/v1/waves')
        .set(enforcement)
        .send({ name: 'shift-bulk', detector: 'vpn-relay-v2' })
        .expect(201)
    ).body;
    const items = Array.from({ length: 6 }, () => {
      const { waveId: _w, ...item } = suspensionRequest({ automatedDecision: false });
      return item;
    });
    await app.http
      .post('/v1/suspensions/batch')
      .set(enforcement)
      .send({ waveId: wave.id, items })
      .expect(200);
    const suspensions = await app.query<{ id: string; account_id: string }>(
      `SELECT id, account_id FROM suspensions WHERE wave_id = $1 ORDER BY id`,
      [wave.id],
    );
    for (const s of suspensions.slice(0, 4))
      await app.http
        .post('/v1/appeals')
        .set(app.bearer(s.account_id, 'appellant'))
        .send({ suspensionId: s.id, statement: STATEMENT, requestedRemedy: 'reinstate' })
        .expect(201);

    const { page, context } = await openWindow(browser, base);
    await signIn(page, 'sen_shift', ['senior_reviewer']);
    await page.goto(`${base}/console/waves/${wave.id}`);
    await page.getByRole('heading', { name: 'shift-bulk' }).waitFor();
    await page.getByLabel(/Also lift the 2 suspensions nobody appealed/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Overturned' }).check();
    await page
      .getByLabel('Rationale (the appellant reads it)')
      .fill('The VPN-relay detector misfired on a corporate proxy range.');
    await page.getByLabel(/Also lift the 2 suspensions nobody appealed/).check();
    await page.getByRole('button', { name: 'Review bulk decision' }).click();
    await page.getByRole('button', { name: 'Confirm and start' }).click();
    await eventually(
      async () => await page.getByText('Completed').isVisible(),
      60_000,
      'the bulk decision to complete',
    );
    const lift = page.getByLabel(/Also lift the 0 suspensions nobody appealed/);
    await lift.waitFor();
    expect(await lift.isDisabled()).toBe(true);
    await page.getByRole('heading', { name: 'Appeals of the wave (4)' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Decided' }).count()).toBe(4);
    await screenshot(page, 'shift-wave-after-bulk-1280');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('passes axe-core on every other page: waves, finance, reports, a decided case with its history, the keys overlay', async () => {
    const [decided] = await app.query<{ id: string }>(
      `SELECT id FROM appeals WHERE status = 'decided' LIMIT 1`,
    );
    const { page, context } = await openWindow(browser, base);
    expect(await axeViolations(page)).toEqual([]); // the sign-in page
    await signIn(page, 'adm_axe', ['admin', 'finance', 'senior_reviewer']);
    for (const path of [
      '/waves',
      '/finance/refunds',
      '/finance/ledger',
      '/finance/reconciliation',
      '/reports',
      `/cases/${decided.id}`,
    ]) {
      await page.goto(`${base}/console${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
    await page
      .getByText(/decided: Overturned\./)
      .first()
      .waitFor();
    await screenshot(page, 'shift-case-history-1280');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'shift-keys-1280');
    await page
      .getByLabel('Language')
      .selectOption('zh-CN')
      .catch(() => undefined);
    await context.close();
  }, 180_000);
});
