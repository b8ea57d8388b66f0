import type { Money } from '../api/client';
import type { Lang } from './locale';

/** Amounts come in minor units; the currency's own exponent (JPY 0, USD 2) is the platform's ICU data. */
export function formatMoney(money: Money, lang: Lang): string {
  try {
    const format = new Intl.NumberFormat(lang, { style: 'currency', currency: money.currency });
    const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(money.amountMinor / 10 ** exponent);
  } catch {
    return `${money.amountMinor} ${money.currency}`;
  }
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(iso));
}

const unit = (lang: Lang, name: 'day' | 'hour' | 'minute', value: number) =>
  new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);

/** "3 days 4 hours", "5 hours 12 minutes", "40 minutes": the two largest units of what is left. */
export function formatSpan(ms: number, lang: Lang): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts =
    days > 0
      ? [unit(lang, 'day', days), unit(lang, 'hour', hours)]
      : hours > 0
        ? [unit(lang, 'hour', hours), unit(lang, 'minute', minutes % 60)]
        : [unit(lang, 'minute', minutes)];
  return parts.join(lang === 'zh-CN' ? '' : ' ');
}

export function formatBytes(bytes: number, lang: Lang): string {
  const [value, name] =
    bytes >= 1024 * 1024
      ? [bytes / 1024 / 1024, 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit: name, maximumFractionDigits: 1 }).format(value);
}

export const formatCount = (n: number, lang: Lang): string => new Intl.NumberFormat(lang).format(n);
