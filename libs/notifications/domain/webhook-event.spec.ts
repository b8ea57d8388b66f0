import { webhookEvent } from './webhook-event';

describe('webhookEvent', () => {
  const event = { id: 'evt_1', type: 'appeal.decided', createdAt: new Date('2025-03-10T12:00:00Z') };

  it('names the objects concerned and the facts of the event, never contact data or free text', () => {
    const body = webhookEvent(event, {
      appealId: 'a1',
      suspensionId: 's1',
      accountId: 'acct_1',
      accountEmail: 'person@example.com',
      locale: 'zh-CN',
      outcome: 'overturned',
      rationale: 'The traffic came from an evaluation harness.',
      releasedBalance: { amountMinor: 100, currency: 'EUR' },
      refund: undefined,
      waveId: null,
      address: 'person@example.com',
    });
    expect(body).toEqual({
      id: 'evt_1',
      type: 'appeal.decided',
      createdAt: '2025-03-10T12:00:00.000Z',
      data: {
        appealId: 'a1',
        suspensionId: 's1',
        accountId: 'acct_1',
        outcome: 'overturned',
        releasedBalance: { amountMinor: 100, currency: 'EUR' },
      },
    });
  });

  it('keeps only ids for events it has no facts for', () => {
    expect(webhookEvent({ ...event, type: 'custom.thing' }, { thingId: 't1', note: 'x' }).data).toEqual({
      thingId: 't1',
    });
  });
});
