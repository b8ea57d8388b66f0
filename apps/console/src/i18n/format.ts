import type { Money } from '@redress/kernel';
import type { Lang, Translate } from './i18n';

/** Minor units per major unit of a currency (USD 2, JPY 0, BHD 3), from the platform's own ICU data. */
export function currencyExponent(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

export function formatMoney(money: Money, lang: Lang): string {
  const exponent = currencyExponent(money.currency);
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency: money.currency }).format(
      money.amountMinor / 10 ** exponent,
    );
  } catch {
    return `${money.amountMinor} ${money.currency} (minor units)`;
  }
}

/** "12.50" in the currency's major unit → 1250 minor units; null when it is not a valid amount. */
export function toMinorUnits(major: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const match = new RegExp(`^\\s*(\\d+)(?:[.,](\\d{0,${exponent}}))?\\s*$`).exec(major);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(exponent, '0');
  return Number(match[1]) * 10 ** exponent + (exponent ? Number(fraction) : 0);
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatPercent(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

export function formatNumber(n: number | null | undefined, lang: Lang, digits = 0): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
}

export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, lang, unit ? 1 : 0)} ${units[unit]}`;
}

/** "3d 4h", "5h 12m", "40m": the two largest units of a positive span. */
export function formatSpan(ms: number, t: Translate): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('span.daysHours', { d: days, h: hours });
  if (hours > 0) return t('span.hoursMinutes', { h: hours, m: mins });
  return t('span.minutes', { m: mins });
}
