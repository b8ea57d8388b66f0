import AxeBuilder from '@axe-core/playwright';
import { eventually } from '@redress/testing';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); playwright-core never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'console');

export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 390, height: 844 };

/** The test serves what `npm run build:console` produces, built fresh so that it is never stale. */
export function buildConsole(): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'apps/console', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

export function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A browser window of its own (its own sessionStorage, so its own signed-in user). */
export async function openWindow(
  browser: Browser,
  base: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: WIDE, acceptDownloads: true, locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(message.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${base}/console/`);
  return { context, page };
}

/** Script errors the page raised (failed requests the app handles itself are not counted). */
export const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * At a phone's width nothing may stick out sideways (the page would scroll horizontally). Charts
 * re-measure themselves after a resize, so the layout is given until it settles.
 */
export async function assertFitsWidth(page: Page): Promise<void> {
  let widths: [number, number] = [0, 0];
  try {
    await eventually(async () => {
      widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [
        number,
        number,
      ];
      return widths[0] <= widths[1];
    }, 5_000);
  } catch {
    // fall through to the assertion, which names the widths
  }
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
}

/** Form fields with no accessible name: each one would be a failure for screen-reader users. */
export async function unlabelledFields(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
    .map((el) => el.outerHTML.slice(0, 80))`)) as string[];
}

/**
 * axe-core over the page as it is now with every rule it runs by default — WCAG A and AA and the best
 * practices, heading order among them — as `rule: targets`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Clicks "Refresh" until `ready` holds: the page shows what the worker did in the meantime. */
export async function refreshUntil(page: Page, ready: () => Promise<boolean>, what: string): Promise<void> {
  await eventually(
    async () => {
      if (await ready()) return true;
      await page.getByRole('button', { name: 'Refresh' }).click();
      return false;
    },
    20_000,
    what,
  );
}
