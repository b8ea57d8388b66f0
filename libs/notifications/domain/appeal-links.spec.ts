import type { EventOf } from '@redress/kernel';
import { accessLinkUrl, appealPageUrl, withAppealLink } from './appeal-links';

const BASE = 'https://appeals.example.com';

describe('appeal links', () => {
  it('adds the suspension’s appeal page to a notice to its account holder', () => {
    const approved: EventOf<'refund.approved'> = {
      type: 'refund.approved',
      payload: {
        accountId: 'acct_1',
        accountEmail: 'a@example.com',
        locale: 'en',
        refundId: 'r1',
        suspensionId: 's1',
        amount: { amountMinor: 1, currency: 'EUR' },
        approvedAt: '2026-01-01T00:00:00.000Z',
      },
    };
    const event = withAppealLink(approved, BASE);
    expect(event.payload.appealUrl).toBe(`${BASE}/appeal/suspensions/s1`);
  });

  it('leaves staff notices and work items alone', () => {
    const staff = {
      type: 'sla.breached' as const,
      payload: { appealId: 'a1', suspensionId: 's1', level: 1 as const, priority: 1, decisionDueAt: 'x' },
    };
    expect(withAppealLink(staff, BASE)).toBe(staff);
  });

  it('puts the access token in the fragment', () => {
    expect(accessLinkUrl(BASE, 'tok')).toBe(`${BASE}/appeal/access#tok`);
    expect(appealPageUrl(BASE, 'a/b')).toBe(`${BASE}/appeal/suspensions/a%2Fb`);
  });
});
