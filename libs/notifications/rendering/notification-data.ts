import type { Locale } from '@redress/kernel';

export * from '../domain/notices';
export { LOCALES, REASON_CODES, type Locale, type ReasonCode } from '@redress/kernel';
export const DEFAULT_LOCALE: Locale = 'en';

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}
