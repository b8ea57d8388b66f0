import type { EventOf } from '@redress/kernel';

/** The portal's page of one suspension, where its account holder reads, appeals and follows the case. */
export const appealPageUrl = (publicUrl: string, suspensionId: string): string =>
  `${publicUrl}/appeal/suspensions/${encodeURIComponent(suspensionId)}`;

/** A one-time access link: the token travels in the fragment, which browsers never send to a server. */
export const accessLinkUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/appeal/access#${token}`;

/** The event with its suspension's appeal page, when it is a notice to an account holder about one. */
export function withAppealLink<E extends EventOf>(event: E, publicUrl: string): E {
  const payload = event.payload as Record<string, unknown>;
  if (typeof payload.accountId !== 'string' || typeof payload.suspensionId !== 'string') return event;
  return { ...event, payload: { ...payload, appealUrl: appealPageUrl(publicUrl, payload.suspensionId) } };
}
