import { PayoutProvider, type PayoutOutcome } from './payout-provider';

/** Finance pays by hand and records it with mark-paid; the worker only moves the refund to processing. */
export class ManualPayoutProvider extends PayoutProvider {
  readonly name = 'manual';
  readonly automatic = false;

  pay(): Promise<PayoutOutcome> {
    return Promise.reject(new Error('the manual payout provider pays through mark-paid, not the worker'));
  }
}
