import { TemplateRenderer } from '@redress/notifications';
import type { Refund } from './refund';
import { REFUND_NOTICES, refundNotice } from './refund-notice';

const refund = (over: Partial<Refund> = {}): Refund => ({
  id: '2b0c6f0e-5d6a-4a43-9c9e-0d6f3f1a2b3c',
  suspensionId: '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  appealId: null,
  accountId: 'acct_1',
  amount: { amountMinor: 12345, currency: 'EUR' },
  status: 'paid',
  reason: 'Overturned on appeal',
  proposedBy: 'rev_1',
  approvedBy: 'fin_1',
  rejectedBy: null,
  rejectionReason: null,
  providerRef: 'PAY-1',
  failureReason: 'account closed',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  approvedAt: new Date('2026-01-02T00:00:00Z'),
  paidAt: new Date('2026-01-03T00:00:00Z'),
  updatedAt: new Date('2026-01-03T00:00:00Z'),
  version: 4,
  ...over,
});
const to = { accountId: 'acct_1', accountEmail: 'a@example.com', locale: 'zh-CN' } as const;

describe('refundNotice', () => {
  it('carries the recipient and the template data of each notice, and nothing staff-only', () => {
    expect(refundNotice('refund.paid', refund(), to).payload).toEqual({
      ...to,
      refundId: refund().id,
      suspensionId: refund().suspensionId,
      amount: { amountMinor: 12345, currency: 'EUR' },
      paidAt: '2026-01-03T00:00:00.000Z',
      providerRef: 'PAY-1',
    });
    expect(refundNotice('refund.approved', refund({ appealId: 'ap' }), to).payload).toMatchObject({
      appealId: 'ap',
      approvedAt: '2026-01-02T00:00:00.000Z',
    });
    for (const type of REFUND_NOTICES) {
      const { payload } = refundNotice(type, refund(), to);
      expect(payload).not.toHaveProperty('proposedBy');
      expect(payload).not.toHaveProperty('approvedBy');
      expect(payload).not.toHaveProperty('reason');
    }
  });

  // The templates are strict: a field they need but the payload lacks fails here, not at send time.
  it.each(REFUND_NOTICES.flatMap((t) => ['en', 'zh-CN'].map((l) => [t, l] as const)))(
    'renders %s in %s, with and without the optional fields',
    (type, locale) => {
      const renderer = new TemplateRenderer();
      for (const r of [refund(), refund({ providerRef: null, failureReason: null })]) {
        const rendered = renderer.render(refundNotice(type, r, to), locale);
        expect(rendered.text).toContain(r.id);
      }
    },
  );
});
