import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../apps/portal/src/i18n/strings.en';
import { zhCN } from '../../apps/portal/src/i18n/strings.zh-CN';
import { SmtpReceiver } from '../notifications-receivers';
import { assertFitsWidth, launchBrowser, NARROW, unlabelledFields, WIDE } from '../console/console-browser';
import { axeViolations, buildPortal, openPortal, requestedOrigins, screenshot } from './portal-browser';

/** The bytes as sent (supertest and fetch would decompress them): what a browser downloads. */
function rawGet(
  url: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

type Words = Record<keyof typeof en, string>;
const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));

/** Once the access-link API is in the SDK's types, the journey signs in through a real e-mail. */
const ACCESS_LINKS_LANDED = readFileSync(join(__dirname, '../../libs/sdk/schema.ts'), 'utf8').includes(
  '"/v1/access-links"',
);

// A browser on a loaded 2-core machine occasionally misses a wait; each journey builds its own data.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

/**
 * The appeal page in Debian's Chromium against the real API, database, Redis and worker: a suspended
 * person gets in, appeals, sends a file, answers the reviewer and follows the decision and the refund
 * to paid — in English at 1280 px and in Chinese at 390 px — with axe-core on every page.
 */
describe('Appeal page (apps/portal) in a real browser', () => {
  let app: TestApp;
  let smtp: SmtpReceiver;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    buildPortal();
    smtp = await SmtpReceiver.start();
    app = await TestApp.start('portal', {
      env: { PAYOUT_PROVIDER: 'manual', RATE_LIMIT_PER_MINUTE: '100000', SMTP_URL: smtp.url },
    });
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.api.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('is served at /appeal: deep links answer the page, with a strict CSP; assets precompressed, cached, small', async () => {
    const page = await app.http.get('/appeal/suspensions/00000000-0000-4000-8000-000000000000').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const scripts = [...page.text.matchAll(/(?:src|href)="\/appeal\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);

    // the first load's JavaScript, as sent gzipped, within the 100 KB
    let gzipped = 0;
    for (const script of scripts) {
      const asset = await rawGet(`${base}/appeal/${script}`, 'gzip');
      expect(asset.status).toBe(200);
      expect(asset.headers['content-encoding']).toBe('gzip');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.vary).toContain('accept-encoding');
      expect(gunzipSync(asset.body).length).toBeGreaterThan(asset.body.length);
      gzipped += asset.body.length;
    }
    expect(gzipped).toBeLessThanOrEqual(100 * 1024);
    const brotli = await rawGet(`${base}/appeal/${scripts[0]}`, 'br, gzip');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).length).toBeGreaterThan(brotli.body.length);
    await app.http.get('/appeal/assets/missing.js').expect(404);
  });

  async function suspend(locale: 'en' | 'zh-CN') {
    const body = suspensionRequest({ locale, frozenBalance: { amountMinor: 12_500, currency: 'USD' } });
    const created = await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(body)
      .expect(201);
    return {
      id: created.body.id as string,
      accountId: body.accountId as string,
      email: body.accountEmail as string,
    };
  }

  /** Every page the person sees passes axe's WCAG A/AA rules and fits the width. */
  async function checkPage(page: Page, name: string): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
    expect(await unlabelledFields(page)).toEqual([]);
    await assertFitsWidth(page);
    await screenshot(page, name);
  }

  /** The link page, then in: by the e-mailed link once the API has it, else with an appellant token. */
  async function signIn(page: Page, w: Words, who: { email: string; accountId: string }, name: string) {
    await page.getByRole('heading', { level: 1, name: w['link.title'] }).waitFor();
    await page.getByText(w['link.next1']).waitFor();
    await checkPage(page, `${name}-link`);
    if (ACCESS_LINKS_LANDED) {
      const before = smtp.messages.length;
      await page.getByLabel(w['link.email']).fill(who.email);
      await page.getByRole('button', { name: w['link.send'] }).click();
      await page.getByText(fill(w['link.sent'], { email: who.email })).waitFor();
      const mail = await eventually(
        async () => smtp.messages.slice(before).find((m) => m.to.includes(who.email)),
        20_000,
        'the access-link e-mail',
      );
      const token = /\/appeal\/access#([^\s"'<>)]+)/.exec(mail.text)![1];
      await page.goto(`${base}/appeal/access#${token}`);
    } else {
      const session = {
        accessToken: app.token(who.accountId, 'appellant'),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        accountId: who.accountId,
      };
      // where the page keeps its session (apps/portal/src/session/session.ts)
      await page.evaluate(
        `sessionStorage.setItem('redress.portal.session', ${JSON.stringify(JSON.stringify(session))})`,
      );
      await page.reload();
    }
  }

  async function reviewerAsks(appealId: string, question: string) {
    const reviewer = app.bearer('rev_portal', 'reviewer');
    await app.http.post('/v1/review/next').set(reviewer).expect(200);
    await app.http
      .post(`/v1/appeals/${appealId}/request-info`)
      .set(reviewer)
      .send({ message: question, dueInDays: 3 })
      .expect(200);
  }

  async function reviewerDecidesAndFinancePays(appealId: string, rationale: string) {
    const reviewer = app.bearer('rev_portal', 'reviewer');
    await app.http
      .post(`/v1/appeals/${appealId}/decision`)
      .set(reviewer)
      .send({ outcome: 'overturned', rationale, refund: { amountMinor: 5000 } })
      .expect(200);
    const finance = app.bearer('fin_portal', 'finance');
    const [{ id }] = await app.query<{ id: string }>('SELECT id FROM refunds WHERE appeal_id = $1', [
      appealId,
    ]);
    await app.http.post(`/v1/refunds/${id}/approve`).set(finance).expect(200);
    await eventually(
      async () => (await app.http.get(`/v1/refunds/${id}`).set(finance)).body.status === 'processing',
      20_000,
      'the payout to start',
    );
    await app.http
      .post(`/v1/refunds/${id}/mark-paid`)
      .set(finance)
      .send({ providerRef: 'bank-tx-42' })
      .expect(200);
  }

  /** Presses Refresh until `ready` is visible: the page shows what the reviewer and the worker did. */
  async function refreshUntil(page: Page, w: Words, ready: () => Promise<boolean>, what: string) {
    await eventually(
      async () => {
        if (await ready()) return true;
        await page.getByRole('button', { name: w['common.refresh'] }).first().click();
        await page.waitForTimeout(300);
        return false;
      },
      25_000,
      what,
    );
  }

  async function fileAppealAndEvidence(page: Page, w: Words, statement: string, name: string) {
    const field = page.getByLabel(w['file.statement'], { exact: true });
    await field.fill('Too short');
    await page.getByText(fill(w['counter.short'], { more: 11 })).waitFor();
    await field.fill(statement);
    await page.getByLabel(w['remedy.reinstate_or_refund']).check();
    await page.getByRole('button', { name: w['file.review'] }).click();
    await page.getByRole('heading', { name: w['file.reviewTitle'] }).waitFor();
    await page.getByText(statement).waitFor();
    await checkPage(page, `${name}-review`);
    await page.getByRole('button', { name: w['file.send'] }).click();
    await page.getByText(w['appealStatus.submitted']).waitFor();

    // one file the server refuses by its bytes (415), one it keeps; each with its own progress bar
    const picker = page.getByLabel(w['evidence.pick']);
    await picker.setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from([0, 1, 2, 3, 250, 251]),
    });
    await page
      .getByText(fill(w['evidence.wrongType'], { types: 'PDF, PNG, JPEG, WebP, TXT, CSV, JSON' }))
      .waitFor();
    await picker.setInputFiles({
      name: 'schedule.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('0 2 * * * run-evals --suite nightly\n'),
    });
    await page.getByText(w['evidence.done']).waitFor();
    await page.locator('.files').getByText('schedule.txt').waitFor();
    expect(
      await page
        .getByRole('progressbar', { name: fill(w['evidence.progress'], { name: 'schedule.txt' }) })
        .getAttribute('value'),
    ).toBe('1');
  }

  it('in English at 1280 px: in by a link, appeal, evidence, an answer, the decision, the refund paid, my data', async () => {
    const who = await suspend('en');
    const { context, page, problems } = await openPortal(browser, WIDE, 'en-GB');
    await page.goto(`${base}/appeal/`);
    await signIn(page, en, who, 'en');

    await page.getByRole('heading', { level: 1, name: en['suspensions.title'] }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await checkPage(page, 'en-suspensions');
    await page.getByRole('link', { name: en['reason.model_distillation'] }).click();

    await page.getByRole('heading', { level: 1, name: en['suspension.title'] }).waitFor();
    await page.getByText('Terms of Service §4.2: no training of rival models on outputs').waitFor();
    await page.getByText('Our detector saw 2.1M completions').waitFor();
    await page.getByText('$125.00').waitFor();
    await page.getByText(/\(\d+ days \d+ hours? left\)/).waitFor();
    await checkPage(page, 'en-suspension');

    await fileAppealAndEvidence(
      page,
      en,
      'The flagged traffic was our own nightly evaluation suite, run from CI.',
      'en',
    );
    const [{ id: appealId }] = await app.query<{ id: string }>(
      'SELECT id FROM appeals WHERE suspension_id = $1',
      [who.id],
    );

    await reviewerAsks(appealId, 'Which IP ranges run your suite?');
    const question = page.getByText('Which IP ranges run your suite?');
    await refreshUntil(page, en, () => question.isVisible(), 'the reviewer’s question');
    await page.getByText(en['appealStatus.awaiting_appellant']).waitFor();
    await page
      .locator('.message-open')
      .getByText(/answer by/)
      .waitFor();
    await checkPage(page, 'en-question');
    await page.getByLabel(en['messages.answer']).fill('203.0.113.0/24, our CI provider.');
    await page.getByRole('button', { name: en['messages.send'], exact: true }).click();
    await page.getByText(en['appealStatus.in_review']).waitFor();

    await reviewerDecidesAndFinancePays(appealId, 'The traffic matches the documented evaluation suite.');
    await refreshUntil(
      page,
      en,
      async () =>
        (await page.getByText(en['refundStatus.paid'], { exact: true }).isVisible()) &&
        (await page.getByText('Appeals Centre Europe').isVisible()),
      'the refund paid and the decision notice',
    );
    await page.getByText(en['outcome.overturned']).waitFor();
    await page.getByText('The traffic matches the documented evaluation suite.').first().waitFor();
    await page.locator('.card strong').getByText('$50.00', { exact: true }).waitFor();
    await checkPage(page, 'en-decided');

    // my data, from /v1/me/export, as a file
    await page.getByRole('link', { name: en['suspension.back'] }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en['data.download'] }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.accountId).toBe(who.accountId);
    expect(exported.appeals).toHaveLength(1);

    expect(requestedOrigins(page)).toEqual([base]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in Chinese at 390 px, the suspension’s language first: an expired session keeps the draft; then the whole appeal', async () => {
    const who = await suspend('zh-CN');
    const { context, page, problems } = await openPortal(browser, NARROW, 'en-US');
    await page.goto(`${base}/appeal/suspensions/${who.id}`);
    // before signing in the browser's language; after, the suspension's
    await signIn(page, en, who, 'zh');
    await page.getByRole('heading', { level: 1, name: zhCN['suspension.title'] }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await page.getByText('US$125.00').waitFor();
    await checkPage(page, 'zh-suspension');
    // switchable, and <html lang> follows
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: en['suspension.title'] }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { level: 1, name: zhCN['suspension.title'] }).waitFor();

    // the session runs out while the person writes: back to the link page with a message, the draft kept
    const draft = '我们的流量来自每晚运行的评测套件，使用的是我们自己的 CI 服务器。';
    await page.getByLabel(zhCN['file.statement'], { exact: true }).fill(draft);
    await page.getByText(fill(zhCN['counter.count'], { n: [...draft].length, max: '10,000' })).waitFor();
    await page.evaluate(`(() => {
      const s = JSON.parse(sessionStorage.getItem('redress.portal.session'));
      sessionStorage.setItem('redress.portal.session', JSON.stringify({ ...s, expiresAt: new Date(0).toISOString() }));
    })()`);
    await page.reload();
    await page.getByText(zhCN['link.expired']).waitFor();
    await signIn(page, zhCN, who, 'zh-again');
    await page.getByRole('heading', { level: 1, name: zhCN['suspension.title'] }).waitFor();
    expect(await page.getByLabel(zhCN['file.statement'], { exact: true }).inputValue()).toBe(draft);

    await fileAppealAndEvidence(page, zhCN, draft, 'zh');
    const [{ id: appealId }] = await app.query<{ id: string }>(
      'SELECT id FROM appeals WHERE suspension_id = $1',
      [who.id],
    );
    await reviewerAsks(appealId, '请说明运行评测的 IP 段。');
    const question = page.getByText('请说明运行评测的 IP 段。');
    await refreshUntil(page, zhCN, () => question.isVisible(), 'the reviewer’s question');
    await checkPage(page, 'zh-question');
    await page.getByLabel(zhCN['messages.answer']).fill('203.0.113.0/24，我们的 CI 服务商。');
    await page.getByRole('button', { name: zhCN['messages.send'], exact: true }).click();
    await page.getByText(zhCN['appealStatus.in_review']).waitFor();

    await reviewerDecidesAndFinancePays(
      appealId,
      '被标记的流量与申诉人文档中记载的每晚评测套件完全一致，来自同一个 CI 地址段。',
    );
    await refreshUntil(
      page,
      zhCN,
      async () =>
        (await page.getByText(zhCN['refundStatus.paid'], { exact: true }).isVisible()) &&
        (await page.getByText('Appeals Centre Europe').isVisible()),
      'the refund paid and the decision notice',
    );
    await page.getByText(zhCN['outcome.overturned']).waitFor();
    await checkPage(page, 'zh-decided');

    expect(requestedOrigins(page)).toEqual([base]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
