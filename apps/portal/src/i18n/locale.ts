/** The languages of the page: the same two the suspension notices are written in. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/** The closest of our languages to a browser's (any zh-* is Simplified Chinese here), or null. */
export function langOfBrowser(languages: readonly string[]): Lang | null {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return null;
}

export interface LocaleInputs {
  /** What the person picked with the switch, if they ever did. */
  chosen: string | null;
  /** The locale of the suspension on screen (or the person's first), once known. */
  suspension: string | null;
  browser: readonly string[];
}

/** The person's own choice first, then the suspension's locale (the notice's language), then the browser's. */
export function chooseLang({ chosen, suspension, browser }: LocaleInputs): Lang {
  if (isLang(chosen)) return chosen;
  if (isLang(suspension)) return suspension;
  return langOfBrowser(browser) ?? 'en';
}
