import { createRedressClient, ok } from '@redress/sdk';
import type { Session } from '../session/session';

/** Without a session yet, and a refused link is no expired session: its own client, with no 401 hook. */
const signIn = createRedressClient({ baseUrl: '' });

/** Always 202 with the same body, known address or not: the page cannot tell, and says so. */
export const requestAccessLink = (email: string, suspensionId?: string): Promise<unknown> =>
  ok(signIn.POST('/v1/access-links', { body: suspensionId ? { email, suspensionId } : { email } }));

/** The link's token for a session token (used, expired or forged: 401 unauthenticated). */
export const exchangeAccessLink = (token: string): Promise<Session> =>
  ok(signIn.POST('/v1/access-links/exchange', { body: { token } }));
