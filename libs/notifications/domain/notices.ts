import type { EventOf, EventType } from '@redress/kernel';

/** The events people are told about: each has a subject, text and HTML template per locale. */
export const NOTIFICATION_EVENTS = [
  'suspension.noticed',
  'appeal.received',
  'appeal.info_requested',
  'appeal.info_reminder',
  'appeal.decided',
  'appeal.reopened',
  'refund.approved',
  'refund.paid',
  'refund.failed',
  'suspension.lifted',
  'sla.breached',
] as const satisfies readonly EventType[];
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** What a template renders: an event of the contract that has templates. */
export type NotificationData<E extends NotificationEvent = NotificationEvent> = EventOf<E>;

export const isNotificationEvent = (type: string): type is NotificationEvent =>
  (NOTIFICATION_EVENTS as readonly string[]).includes(type);

export const isNotification = (event: EventOf): event is NotificationData => isNotificationEvent(event.type);
