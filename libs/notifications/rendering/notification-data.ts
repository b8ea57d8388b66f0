import type { Locale } from '@redress/kernel';

export * from '../domain/notices';
export { LOCALES, REASON_CODES, type Locale, type ReasonCode } from '@redress/kernel';
export const DEFAULT_LOCALE: Locale = 'en';

/** The templates of the access-link e-mail (`access_link.*.hbs`), which is no event of the outbox. */
export const ACCESS_LINK_TEMPLATE = 'access_link';

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}
