import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { chooseLang, type Lang } from './locale';
import { en, type StringKey } from './strings.en';
import { zhCN } from './strings.zh-CN';

const DICTIONARIES: Record<Lang, Record<StringKey, string>> = { en, 'zh-CN': zhCN };
const CHOSEN_KEY = 'redress.portal.lang';
/** The suspension's locale, kept for the tab so that the link page after an expired session stays in it. */
const SUSPENSION_KEY = 'redress.portal.suspensionLang';

export type Vars = Record<string, string | number>;
export type Translate = (key: StringKey, vars?: Vars) => string;

/** "{n} of {max}" with n and max filled in; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(text: string, vars: Vars = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(lang: Lang): Translate {
  return (key, vars) => interpolate(DICTIONARIES[lang][key], vars);
}

interface I18n {
  lang: Lang;
  t: Translate;
  /** The switch: remembered on this device, above every other hint. */
  choose: (lang: Lang) => void;
  /** The suspension on screen speaks this locale: followed unless the person chose otherwise. */
  suggest: (locale: string) => void;
}

const I18nContext = createContext<I18n | null>(null);

function stored(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [chosen, setChosen] = useState(() => stored(() => localStorage, CHOSEN_KEY));
  const [suspension, setSuspension] = useState(() => stored(() => sessionStorage, SUSPENSION_KEY));
  const lang = chooseLang({ chosen, suspension, browser: navigator.languages ?? [navigator.language] });
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: translator(lang),
      choose: (next) => {
        localStorage.setItem(CHOSEN_KEY, next);
        setChosen(next);
      },
      suggest: (locale) => {
        sessionStorage.setItem(SUSPENSION_KEY, locale);
        setSuspension(locale);
      },
    }),
    [lang],
  );
  // <html lang> follows, so screen readers pronounce the page in its language
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
