import { planDeliveries } from './delivery-plan';

const account = { accountId: 'acct_1', accountEmail: 'a@example.com' };

describe('planDeliveries', () => {
  it('always plans the inbox for the account', () => {
    expect(planDeliveries('suspension.noticed', account, { emailEnabled: false })).toEqual([
      { recipientType: 'account', recipient: 'acct_1', channel: 'inbox' },
    ]);
  });

  it('adds e-mail and webhook when configured, and the platform for lifts', () => {
    const plan = planDeliveries('suspension.lifted', account, {
      emailEnabled: true,
      notifyWebhookUrl: 'http://hooks/notify',
      platformWebhookUrl: 'http://platform/hook',
    });
    expect(plan.map((d) => `${d.recipientType}:${d.channel}:${d.address ?? ''}`)).toEqual([
      'account:inbox:',
      'account:email:a@example.com',
      'account:webhook:http://hooks/notify',
      'platform:webhook:http://platform/hook',
    ]);
  });

  it('sends staff events to staff only', () => {
    const plan = planDeliveries(
      'sla.breached',
      { accountId: 'acct_1' },
      { emailEnabled: true, staffEmail: 'staff@x' },
    );
    expect(plan.every((d) => d.recipientType === 'staff')).toBe(true);
    expect(plan.map((d) => d.channel)).toEqual(['inbox', 'email']);
  });
});
