import { packageVersion, type AppConfig } from '@redress/config';
import { ManualPayoutProvider } from './manual-payout.provider';
import type { PayoutProvider } from './payout-provider';
import { WebhookPayoutProvider } from './webhook-payout.provider';

/** PAYOUT_PROVIDER picks the provider; loadConfig has already refused a webhook without its URL and secret. */
export function payoutProviderFor(config: AppConfig): PayoutProvider {
  const webhook = config.payoutWebhook;
  return webhook
    ? new WebhookPayoutProvider(webhook.url, webhook.secrets, packageVersion())
    : new ManualPayoutProvider();
}
