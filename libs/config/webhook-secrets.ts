import { webhookSecretProblem } from '@redress/kernel';
import type { EnvironmentVariables } from './env.schema';

/** Where a webhook goes; each destination has its own secrets, so one leak exposes one receiver. */
export type WebhookDestination = 'notify' | 'platform' | 'payout';

const VARIABLES = {
  notify: 'NOTIFY_WEBHOOK_SECRET',
  platform: 'PLATFORM_WEBHOOK_SECRET',
  payout: 'PAYOUT_WEBHOOK_SECRET',
} as const satisfies Record<WebhookDestination, keyof EnvironmentVariables>;

/** A secret variable holds a comma-separated list: every listed secret signs, so receivers can rotate. */
const secretList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);

/** The secrets that sign a destination's webhooks; the platform's default to the notification secrets. */
export function webhookSecrets(env: EnvironmentVariables, destination: WebhookDestination): string[] {
  const own = secretList(env[VARIABLES[destination]]);
  return destination === 'platform' && own.length === 0 ? secretList(env.NOTIFY_WEBHOOK_SECRET) : own;
}

/** One line per secret that cannot sign, naming its variable (never the secret). */
export function webhookSecretProblems(env: EnvironmentVariables): string[] {
  return Object.values(VARIABLES).flatMap((variable) =>
    secretList(env[variable]).flatMap((secret, i) => {
      const problem = webhookSecretProblem(secret);
      return problem ? [`${variable}: secret ${i + 1} of the list: ${problem}`] : [];
    }),
  );
}
