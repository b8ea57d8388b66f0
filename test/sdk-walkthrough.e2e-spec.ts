import type { AddressInfo } from 'node:net';
import {
  createRedressClient,
  everyItem,
  ifMatch,
  ok,
  RedressProblem,
  type RedressClient,
} from '@redress/sdk';
import { eventually, TestApp } from '@redress/testing';
import type { Role } from '@redress/kernel';

/**
 * The README's walkthrough — suspend → appeal → evidence → decide with a refund → approve → paid —
 * through the SDK only, as a platform's own code would call Redress.
 */
describe('The SDK runs the whole walkthrough', () => {
  let app: TestApp;
  let baseUrl: string;
  const as = (sub: string, role: Role): RedressClient =>
    createRedressClient({ baseUrl, token: () => app.token(sub, role) });

  beforeAll(async () => {
    app = await TestApp.start('sdk_walkthrough');
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.api.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('suspend → appeal → evidence → question → decide with a refund → approve → paid, the books back to zero', async () => {
    const enforcer = as('enforcer_1', 'enforcement');
    const me = as('acct_sdk_1', 'appellant');
    const reviewer = as('rev_1', 'reviewer');
    const finance = as('fin_1', 'finance');

    const suspension = await ok(
      enforcer.POST('/v1/suspensions', {
        body: {
          accountId: 'acct_sdk_1',
          externalRef: 'enf-sdk-1',
          reasonCode: 'model_distillation',
          policyClause: 'Terms of Service §4.2',
          statementOfReasons: '2.1M distillation-shaped completions in 3 days',
          automatedDetection: true,
          automatedDecision: true,
          frozenBalance: { amountMinor: 12500, currency: 'USD' },
          accountEmail: 'person@example.com',
          locale: 'en',
        },
      }),
    );
    const mine = await ok(me.GET('/v1/me/suspensions'));
    expect(mine.data.map((s) => s.id)).toEqual([suspension.id]);

    const fileAppeal = () =>
      me.POST('/v1/appeals', {
        body: {
          suspensionId: suspension.id,
          statement: 'The traffic was our own nightly evaluation suite.',
          requestedRemedy: 'reinstate_or_refund',
        },
      });
    const appeal = await ok(fileAppeal());
    // a typed problem: the second appeal on one suspension is refused with its stable code
    const again = await ok(fileAppeal()).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(RedressProblem);
    expect((again as RedressProblem).code).toBe('appeal_already_exists');

    const evidence = await ok(
      me.POST('/v1/appeals/{id}/evidence', {
        params: { path: { id: appeal.id } },
        body: { file: 'cron schedule', description: 'cron schedule' },
        bodySerializer: () => {
          const form = new FormData();
          form.append('description', 'cron schedule');
          form.append(
            'file',
            new Blob(['0 2 * * * run-evals --suite nightly\n'], { type: 'text/plain' }),
            'schedule.txt',
          );
          return form;
        },
      }),
    );
    expect(evidence).toMatchObject({ contentType: 'text/plain', fileName: 'schedule.txt' });

    const claimed = await ok(reviewer.POST('/v1/review/next'));
    expect(claimed.id).toBe(appeal.id);
    const asked = await ok(
      reviewer.POST('/v1/appeals/{id}/request-info', {
        params: { path: { id: appeal.id } },
        headers: ifMatch(claimed),
        body: { message: 'Which client made these calls?', dueInDays: 7 },
      }),
    );
    expect(asked.status).toBe('awaiting_appellant');
    await ok(
      me.POST('/v1/appeals/{id}/messages', {
        params: { path: { id: appeal.id } },
        body: { body: 'Our CI runner, nightly at 02:00 UTC.' },
      }),
    );
    const resumed = await ok(reviewer.GET('/v1/appeals/{id}', { params: { path: { id: appeal.id } } }));
    const decided = await ok(
      reviewer.POST('/v1/appeals/{id}/decision', {
        params: { path: { id: appeal.id } },
        headers: ifMatch(resumed),
        body: {
          outcome: 'overturned',
          rationale: 'The traffic matches the documented evaluation suite.',
          refund: { amountMinor: 5000 },
        },
      }),
    );
    expect(decided.status).toBe('decided');

    // the cursor iterator walks every page of a list
    const proposed = [];
    for await (const refund of everyItem((cursor) =>
      ok(finance.GET('/v1/refunds', { params: { query: { status: 'proposed', limit: 1, cursor } } })),
    ))
      proposed.push(refund);
    expect(proposed).toHaveLength(1);
    const [refund] = proposed;
    const approved = await ok(
      finance.POST('/v1/refunds/{id}/approve', {
        params: { path: { id: refund.id } },
        headers: ifMatch(refund),
      }),
    );
    expect(approved.status).toBe('approved');
    await eventually(async () => {
      const current = await ok(finance.GET('/v1/refunds/{id}', { params: { path: { id: refund.id } } }));
      return current.status === 'processing' ? current : null;
    });
    const paid = await ok(
      finance.POST('/v1/refunds/{id}/mark-paid', {
        params: { path: { id: refund.id } },
        body: { providerRef: 'bank-tx-778' },
      }),
    );
    expect(paid).toMatchObject({ status: 'paid', providerRef: 'bank-tx-778' });

    const ledger = await ok(finance.GET('/v1/ledger', { params: { query: { accountId: 'acct_sdk_1' } } }));
    expect(ledger.balances.every((b) => b.amountMinor === 0)).toBe(true);
    const verified = await ok(as('admin_1', 'admin').GET('/v1/audit/verify'));
    expect(verified.ok).toBe(true);
  });
});
