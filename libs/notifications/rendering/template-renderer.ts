import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import type { AccessLinkMail, Money } from '@redress/kernel';
import {
  ACCESS_LINK_TEMPLATE,
  DEFAULT_LOCALE,
  LOCALES,
  Locale,
  NOTIFICATION_EVENTS,
  NotificationData,
  REASON_CODES,
  RenderedNotification,
} from './notification-data';

/**
 * Characters that are invisible when shown: format characters (Cf: zero-width space/joiners, bidi
 * controls, word joiner, BOM, soft hyphen, tag characters), private-use (Co), control characters
 * other than tab/newline, the combining grapheme joiner and the Hangul fillers. Notices
 * carry no hidden markers, so these are removed from every string value before rendering.
 */
export const INVISIBLE_CHARS =
  /[\p{Cf}\p{Co}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u034F\u115F\u1160\u3164\uFFA0]/gu;

export const stripInvisible = (value: string): string => value.replace(INVISIBLE_CHARS, '');

/** `zh-cn` → `zh-CN`; anything unknown (or missing) → `en`. */
export function resolveLocale(locale: string | null | undefined): Locale {
  const wanted = (locale ?? '').toLowerCase();
  return LOCALES.find((l) => l.toLowerCase() === wanted) ?? DEFAULT_LOCALE;
}

/**
 * Where the .hbs files live by default. They are not TypeScript, so `nest build` (tsc) does not copy
 * them into dist/. From source (jest, ts-node) they sit right next to this folder (../templates); from
 * dist/libs/notifications/rendering they do not, so we walk up from __dirname until some ancestor holds
 * libs/notifications/templates — the repository root, or the app directory of a container image (the
 * Dockerfile must copy libs/notifications/templates). Pass `templatesDir` explicitly to override.
 */
export function defaultTemplatesDir(from: string = __dirname): string {
  const sibling = resolve(from, '..', 'templates');
  if (existsSync(sibling)) return sibling;
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'notifications', 'templates');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`notification templates not found: no libs/notifications/templates above ${from}`);
}

interface Labels {
  yes: string;
  no: string;
  reasons: Record<string, string>;
}

type Compiled = Record<keyof RenderedNotification, Handlebars.TemplateDelegate>;

const HELPERS = ['money', 'date', 'reason', 'yesno', 'eq'] as const;

export class TemplateRenderer {
  private readonly hbs = Handlebars.create();
  private readonly templates = new Map<string, Compiled>();
  private readonly layouts = new Map<Locale, Handlebars.TemplateDelegate>();
  private readonly footers = new Map<Locale, Handlebars.TemplateDelegate>();
  private readonly labels = new Map<Locale, Labels>();

  /** Reads every template file once, so a missing file fails at start-up rather than at send time. */
  constructor(readonly templatesDir: string = defaultTemplatesDir()) {
    this.registerHelpers();
    const knownHelpers = Object.fromEntries(HELPERS.map((h) => [h, true]));
    // strict: a variable missing from the data throws instead of rendering as empty text.
    const html = { strict: true, knownHelpers, knownHelpersOnly: true };
    const plain = { ...html, noEscape: true }; // subject and text are not HTML: no &amp; in them
    for (const locale of LOCALES) {
      this.labels.set(locale, this.loadLabels(locale));
      this.layouts.set(locale, this.hbs.compile(this.read(locale, 'layout.html.hbs'), html));
      this.footers.set(locale, this.hbs.compile(this.read(locale, 'footer.text.hbs'), plain));
      for (const name of [...NOTIFICATION_EVENTS, ACCESS_LINK_TEMPLATE]) {
        this.templates.set(`${locale}/${name}`, {
          subject: this.hbs.compile(this.read(locale, `${name}.subject.hbs`), plain),
          text: this.hbs.compile(this.read(locale, `${name}.text.hbs`), plain),
          html: this.hbs.compile(this.read(locale, `${name}.html.hbs`), html),
        });
      }
    }
  }

  render(
    event: NotificationData,
    locale: Locale | string, // anything unknown falls back to en
  ): RenderedNotification {
    return this.renderAll(event.type, event.payload, locale);
  }

  /** Subject and plain text only: what the inbox and the delivery log keep (e-mails render their HTML when sent). */
  renderPlain(event: NotificationData, locale: Locale | string): Omit<RenderedNotification, 'html'> {
    const { subject, text } = this.renderParts(event.type, event.payload, locale);
    return { subject, text };
  }

  /** The e-mail that carries a one-time access link: sent at once, never stored. */
  renderAccessLink(mail: AccessLinkMail, locale: Locale | string): RenderedNotification {
    return this.renderAll(ACCESS_LINK_TEMPLATE, mail, locale);
  }

  private renderAll(name: string, data: object, locale: Locale | string): RenderedNotification {
    const { loc, compiled, context, options, subject, text } = this.renderParts(name, data, locale);
    const content = compiled.html(context, options).trim();
    const appealUrl = 'appealUrl' in context ? context.appealUrl : undefined;
    const html = this.layouts.get(loc)!({ subject, content, appealUrl }, options).trim() + '\n';
    return { subject, text, html };
  }

  private renderParts(name: string, data: object, locale: Locale | string) {
    const loc = resolveLocale(locale);
    const compiled = this.templates.get(`${loc}/${name}`);
    if (!compiled) throw new Error(`unknown notification event: ${name}`);
    const context = sanitize(data);
    const options = { data: { locale: loc, labels: this.labels.get(loc) } };
    const subject = compiled.subject(context, options).replace(/\s+/g, ' ').trim();
    if (!subject) throw new Error(`template ${loc}/${name}.subject.hbs rendered an empty subject`);
    // every account notice ends with its appeal page and how to get in without the platform's sign-in
    const footer = this.footers.get(loc)!({ appealUrl: undefined, ...context }, options);
    const text = tidyText(`${compiled.text(context, options)}\n\n${footer}`);
    return { loc, compiled, context, options, subject, text };
  }

  private read(locale: Locale, file: string): string {
    return readFileSync(join(this.templatesDir, locale, file), 'utf8');
  }

  private loadLabels(locale: Locale): Labels {
    const labels = JSON.parse(this.read(locale, 'labels.json')) as Labels;
    const missing = REASON_CODES.filter((code) => typeof labels.reasons?.[code] !== 'string');
    if (missing.length || typeof labels.yes !== 'string' || typeof labels.no !== 'string') {
      throw new Error(`${locale}/labels.json is incomplete (yes, no, reasons: ${missing.join(', ')})`);
    }
    return labels;
  }

  private registerHelpers(): void {
    const ctx = (options: Handlebars.HelperOptions) => options.data as { locale: Locale; labels: Labels };
    this.hbs.registerHelper({
      money: (value: unknown, options: Handlebars.HelperOptions) => formatMoney(value, ctx(options).locale),
      date: (value: unknown, options: Handlebars.HelperOptions) => formatDate(value, ctx(options).locale),
      reason: (code: unknown, options: Handlebars.HelperOptions) => {
        const label = ctx(options).labels.reasons[String(code)];
        if (label === undefined) throw new Error(`reason helper: unknown reason code ${String(code)}`);
        return label;
      },
      yesno: (value: unknown, options: Handlebars.HelperOptions) => {
        if (typeof value !== 'boolean') throw new Error('yesno helper expects a boolean');
        return value ? ctx(options).labels.yes : ctx(options).labels.no;
      },
      eq: (a: unknown, b: unknown) => a === b,
    });
  }
}

/** Intl formatters are expensive to build and immutable once built, so one per locale (and currency) is kept. */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = build()));
  return value;
}

/** Integer minor units → "€123.45" / "¥1,235", using the currency's standard number of decimals. */
export function formatMoney(value: unknown, locale: Locale): string {
  const m = value as Money | undefined;
  if (!m || !Number.isSafeInteger(m.amountMinor) || typeof m.currency !== 'string') {
    throw new Error('money helper expects { amountMinor: integer, currency }');
  }
  const format = cached(numberFormats, `${locale}/${m.currency}`, () => {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Build an exact decimal string instead of dividing floats: 12345 with 2 digits → "123.45".
  const abs = String(Math.abs(m.amountMinor)).padStart(digits + 1, '0');
  const decimal = digits ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  return format.format(`${m.amountMinor < 0 ? '-' : ''}${decimal}` as Intl.StringNumericLiteral);
}

/** ISO timestamp → "March 12, 2025 at 14:05 UTC" / "2025年3月12日 14:05 UTC". */
export function formatDate(value: unknown, locale: Locale): string {
  const date = new Date(typeof value === 'string' || value instanceof Date ? value : NaN);
  if (Number.isNaN(date.getTime())) throw new Error(`date helper expects an ISO date, got ${String(value)}`);
  const format = cached(dateFormats, locale, () => {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
      hourCycle: 'h23',
    });
  });
  return `${format.format(date)} UTC`;
}

function sanitize<T>(value: T): T {
  if (typeof value === 'string') return stripInvisible(value) as T;
  if (Array.isArray(value)) return value.map(sanitize) as T;
  if (value && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v)])) as T;
  }
  return value;
}

const tidyText = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim() + '\n';
