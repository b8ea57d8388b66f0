import type { Role } from '@redress/kernel';
import { suspensionRequest } from './builders';
import type { TestApp } from './test-app';

export const STATEMENT =
  'I run a small translation start-up; the flagged traffic was our own nightly evaluation suite.';

export interface Filed {
  suspensionId: string;
  appealId: string;
  accountId: string;
  owner: { Authorization: string };
}

/** Drives the real API: an enforcement system suspends an account and its owner appeals. */
export async function suspendAndAppeal(
  app: TestApp,
  suspension: Record<string, unknown> = {},
): Promise<Filed> {
  const body = suspensionRequest(suspension);
  const created = await app.http
    .post('/v1/suspensions')
    .set(app.bearer('enforcer_1', 'enforcement'))
    .send(body);
  if (created.status !== 201) throw new Error(`suspension: ${created.status} ${created.text}`);
  const owner = app.bearer(body.accountId as string, 'appellant');
  const filed = await app.http
    .post('/v1/appeals')
    .set(owner)
    .send({ suspensionId: created.body.id, statement: STATEMENT, requestedRemedy: 'reinstate_or_refund' });
  if (filed.status !== 201) throw new Error(`appeal: ${filed.status} ${filed.text}`);
  return {
    suspensionId: created.body.id,
    appealId: filed.body.id,
    accountId: body.accountId as string,
    owner,
  };
}

/** POST an action on an appeal as `sub` with `roles`, expecting `status`; returns the body. */
export async function act(
  app: TestApp,
  appealId: string,
  action: string,
  as: [string, ...Role[]],
  body: Record<string, unknown> = {},
  status = 200,
): Promise<Record<string, unknown>> {
  const [sub, ...roles] = as;
  const res = await app.http
    .post(`/v1/appeals/${appealId}/${action}`)
    .set(app.bearer(sub, ...roles))
    .send(body);
  if (res.status !== status)
    throw new Error(`${action} as ${sub}: expected ${status}, got ${res.status} ${res.text}`);
  return res.body;
}
