import Stripe from 'stripe';
import { Webhook } from 'standardwebhooks';

// Only the webhook verifier of the Stripe client is used; it makes no API call.
const stripe = new Stripe('sk_test_redress_webhook_verification');

/** Whether Stripe's own `webhooks.constructEvent` accepts the delivery's `Redress-Signature`. */
export function verifiesWithStripe(body: string, signature: string | undefined, secret: string): boolean {
  if (!signature) return false;
  try {
    stripe.webhooks.constructEvent(body, signature, secret);
    return true;
  } catch {
    return false;
  }
}

/** Whether the official Standard Webhooks library accepts the delivery's `webhook-*` headers. */
export function verifiesWithStandardWebhooks(
  body: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): boolean {
  const webhook = secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
  try {
    webhook.verify(body, {
      'webhook-id': String(headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(headers['webhook-signature'] ?? ''),
    });
    return true;
  } catch {
    return false;
  }
}

/** A `whsec_` secret as Standard Webhooks libraries expect it: base64 after the prefix. */
export const whsecSecret = (label: string): string => `whsec_${Buffer.from(label).toString('base64')}`;
