import type { AppConfig } from '@redress/config';
import { ManualPayoutProvider } from './manual-payout.provider';
import type { PayoutProvider } from './payout-provider';
import { WebhookPayoutProvider } from './webhook-payout.provider';

/** PAYOUT_PROVIDER picks the provider; a webhook provider without its URL and secret refuses to boot. */
export function payoutProviderFor(config: AppConfig): PayoutProvider {
  if (config.env.PAYOUT_PROVIDER === 'manual') return new ManualPayoutProvider();
  const { PAYOUT_WEBHOOK_URL: url, PAYOUT_WEBHOOK_SECRET: secret } = config.env;
  if (!url || !secret) {
    throw new Error('PAYOUT_PROVIDER=webhook needs PAYOUT_WEBHOOK_URL and PAYOUT_WEBHOOK_SECRET');
  }
  return new WebhookPayoutProvider(url, secret);
}
