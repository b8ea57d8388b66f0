import { ROLES, type Role } from '@redress/kernel';
import type { TestApp } from '@redress/testing';
import { fillPath, requestContentTypes, type Route } from '@redress/testing/openapi';
import { randomUUID } from 'node:crypto';
import { ROUTE_ACCESS, UNDOCUMENTED_ROUTE_ACCESS, type Access } from './authorization-matrix.table';

export type Expected = 401 | 403 | 'allowed';
type Outcome = { route: string; who: string; expected: Expected; status: number };

export const TABLE: Record<string, Access> = { ...ROUTE_ACCESS, ...UNDOCUMENTED_ROUTE_ACCESS };

/** The app under test and the routes its OpenAPI document describes. */
export interface MatrixTarget {
  app: TestApp;
  documented: Route[];
}

/** An allowed caller may still get 400/404/409/…: only 401 and 403 mean "not let in". */
const classify = (status: number): Expected => (status === 401 ? 401 : status === 403 ? 403 : 'allowed');

export const mismatches = (outcomes: Outcome[]) => outcomes.filter((o) => classify(o.status) !== o.expected);

/** One request to the route as the given Authorization; ids are random UUIDs that name nothing. */
async function call({ app, documented }: MatrixTarget, key: string, authorization: string | undefined) {
  const [method, template] = key.split(' ') as [string, string];
  const request = app.http[method.toLowerCase() as 'get' | 'post'](fillPath(template, randomUUID()));
  if (authorization !== undefined) request.set('Authorization', authorization);
  const route = documented.find((r) => r.key === key);
  if (route && requestContentTypes(route).includes('application/json')) request.send({});
  const res = await request;
  if (res.status === 401 || res.status === 403) {
    // a refusal is a problem document like every other error
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toMatch(res.status === 401 ? /^unauthenticated$/ : /^forbidden$/);
  }
  return res.status;
}

/** Every route of the table called with one Authorization, each outcome beside what the table expects. */
export async function walkRoutes(
  target: MatrixTarget,
  who: string,
  authorization: string | undefined,
  expected: (access: Access) => Expected,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const [key, access] of Object.entries(TABLE)) {
    outcomes.push({
      route: key,
      who,
      expected: expected(access),
      status: await call(target, key, authorization),
    });
  }
  return outcomes;
}

/**
 * The role checks of the matrix, for a token source: each role calls exactly the routes the table gives
 * it, and a token with no known role none of the protected ones. `bearer` gives a token for a subject
 * holding the role (no role when it is undefined).
 */
export function itChecksEveryRole(
  target: () => MatrixTarget,
  bearer: (sub: string, role?: Role) => Promise<string>,
): void {
  it.each([...ROLES])('lets %s call exactly the routes the table gives it (others: 403)', async (role) => {
    const token = `Bearer ${await bearer(`matrix_${role}`, role)}`;
    const outcomes = await walkRoutes(target(), role, token, (access) =>
      access === 'public' || access.includes(role) ? 'allowed' : 403,
    );
    expect(mismatches(outcomes)).toEqual([]);
    // the matrix must be able to fail both ways: this role is let in somewhere and kept out somewhere
    expect(outcomes.some((o) => o.expected === 'allowed')).toBe(true);
    expect(outcomes.some((o) => o.expected === 403)).toBe(true);
  });

  it('refuses a valid token carrying no known role (403) on every protected route', async () => {
    const token = `Bearer ${await bearer('matrix_nobody')}`;
    const outcomes = await walkRoutes(target(), 'no role', token, (access) =>
      access === 'public' ? 'allowed' : 403,
    );
    expect(mismatches(outcomes)).toEqual([]);
  });
}
