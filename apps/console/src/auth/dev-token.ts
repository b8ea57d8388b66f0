import type { Role } from '@redress/kernel';
import { problemOf, RedressProblem } from '@redress/sdk';

/**
 * A development server's token for any id and roles. `POST /v1/dev/token` is left out of the OpenAPI
 * document on purpose (not part of the contract), so the SDK has no route for it: this is plain fetch.
 */
export async function devToken(request: { sub: string; roles: Role[] }): Promise<string> {
  const response = await fetch('/v1/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new RedressProblem(problemOf(response.status, body));
  return (body as { token: string }).token;
}
