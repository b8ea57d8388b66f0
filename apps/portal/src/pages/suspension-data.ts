import { ok } from '@redress/sdk';
import { api, type Appeal, type InboxItem, type Refund, type Suspension } from '../api/client';
import { collect } from '../api/collect';
import { loadSuspensions } from '../components/use-suspensions';

export interface SuspensionCase {
  suspension: Suspension;
  /** The appeal filed against it (one per suspension), if any. */
  appeal: Appeal | null;
  refunds: Refund[];
  /** The decision notice Redress sent, which names the out-of-court dispute body. */
  decisionNotice: InboxItem | null;
}

/**
 * Everything the suspension's page shows, through the appellant's own lists (the API has no
 * appellant route for one suspension or one refund): null when the account has no such suspension.
 */
export async function loadSuspensionCase(id: string): Promise<SuspensionCase | null> {
  const [suspensions, appeals, refunds] = await Promise.all([
    loadSuspensions(),
    collect((cursor) => ok(api.GET('/v1/me/appeals', { params: { query: { cursor, limit: 100 } } }))),
    collect((cursor) => ok(api.GET('/v1/me/refunds', { params: { query: { cursor, limit: 100 } } }))),
  ]);
  const suspension = suspensions.find((s) => s.id === id);
  if (!suspension) return null;
  const appeal = appeals.find((a) => a.suspensionId === id) ?? null;
  let decisionNotice: InboxItem | null = null;
  if (appeal?.decision) {
    const inbox = await ok(api.GET('/v1/me/notifications', { params: { query: { limit: 100 } } }));
    decisionNotice =
      inbox.data.find((n) => n.appealId === appeal.id && n.template === 'appeal.decided') ?? null;
  }
  return { suspension, appeal, refunds: refunds.filter((r) => r.suspensionId === id), decisionNotice };
}
