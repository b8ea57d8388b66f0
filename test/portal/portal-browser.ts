import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'portal');

/** The test serves what `npm run build:portal` produces, built fresh so that it is never stale. */
export function buildPortal(): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'apps/portal', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/**
 * A window of its own (its own sessionStorage and localStorage) at a width and browser language.
 * Every script error and every CSP refusal the page meets is collected: both fail the test.
 */
export async function openPortal(
  browser: Browser,
  viewport: { width: number; height: number },
  locale: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({ viewport, locale, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // a 4xx the page explains itself (401 on an expired session, 415 on a refused file) is not a problem
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  // nothing but the page's own origin is ever asked for (no fonts, analytics or CDNs)
  const origin = new Set<string>();
  page.on('request', (request) => origin.add(new URL(request.url()).origin));
  (page as Page & { origins: Set<string> }).origins = origin;
  return { context, page, problems };
}

export const requestedOrigins = (page: Page): string[] => [
  ...(page as Page & { origins: Set<string> }).origins,
];

/** axe-core with the WCAG 2.0–2.2 A and AA rules over the page as it is now: the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
