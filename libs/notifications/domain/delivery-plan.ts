import type { AccountRecipient, EventType } from '@redress/kernel';
import type { NotificationEvent } from './notices';

export type Channel = 'inbox' | 'email' | 'webhook';
export type RecipientType = 'account' | 'staff' | 'platform';

export interface PlannedDelivery {
  recipientType: RecipientType;
  recipient: string;
  channel: Channel;
  /** Where email/webhook deliveries go; the inbox needs none. */
  address?: string;
}

export interface ChannelSettings {
  emailEnabled: boolean;
  notifyWebhookUrl?: string;
  platformWebhookUrl?: string;
  staffEmail?: string;
}

const STAFF_EVENTS: ReadonlySet<string> = new Set<NotificationEvent>(['sla.breached']);
/** What the platform acts on: reinstating a lifted account, pausing or resuming a detector version. */
const PLATFORM_EVENTS: ReadonlySet<string> = new Set<EventType>([
  'suspension.lifted',
  'detector.flagged',
  'detector.cleared',
]);

/**
 * Who hears about an event, and how. People always get the in-app inbox (so a failed e-mail loses
 * nothing); e-mail and the notification webhook when configured; the platform hears about lifts and
 * about detector versions the breaker flags or clears.
 */
export function planDeliveries(
  type: EventType,
  to: Partial<AccountRecipient>,
  settings: ChannelSettings,
): PlannedDelivery[] {
  const plan: PlannedDelivery[] = [];
  if (STAFF_EVENTS.has(type)) {
    plan.push({ recipientType: 'staff', recipient: 'staff', channel: 'inbox' });
    if (settings.emailEnabled && settings.staffEmail)
      plan.push({
        recipientType: 'staff',
        recipient: 'staff',
        channel: 'email',
        address: settings.staffEmail,
      });
    if (settings.notifyWebhookUrl)
      plan.push({
        recipientType: 'staff',
        recipient: 'staff',
        channel: 'webhook',
        address: settings.notifyWebhookUrl,
      });
    return plan;
  }
  if (typeof to.accountId === 'string') {
    const account = to.accountId;
    plan.push({ recipientType: 'account', recipient: account, channel: 'inbox' });
    if (settings.emailEnabled && typeof to.accountEmail === 'string') {
      plan.push({
        recipientType: 'account',
        recipient: account,
        channel: 'email',
        address: to.accountEmail,
      });
    }
    if (settings.notifyWebhookUrl)
      plan.push({
        recipientType: 'account',
        recipient: account,
        channel: 'webhook',
        address: settings.notifyWebhookUrl,
      });
  }
  if (PLATFORM_EVENTS.has(type) && settings.platformWebhookUrl) {
    plan.push({
      recipientType: 'platform',
      recipient: 'platform',
      channel: 'webhook',
      address: settings.platformWebhookUrl,
    });
  }
  return plan;
}
