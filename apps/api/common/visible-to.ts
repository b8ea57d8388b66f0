import { DomainError, type Actor } from '@redress/kernel';

/**
 * Staff see every record; an appellant sees their own, and anyone else's is answered as missing: a 404,
 * never a 403 that would confirm it exists.
 */
export function visibleTo<T extends { accountId: string }>(
  actor: Actor,
  staff: boolean,
  found: T | null,
  name: string,
): T {
  if (!found || (!staff && found.accountId !== actor.sub)) throw DomainError.notFound(name);
  return found;
}
