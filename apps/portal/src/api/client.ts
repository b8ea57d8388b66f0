import { createRedressClient, type components } from '@redress/sdk';
import { endSession, readSession } from '../session/session';

/** Same origin: the API serves the page, so no CORS and no third-party request. */
export const api = createRedressClient({
  baseUrl: '',
  token: () => readSession()?.accessToken,
  // an expired or refused token ends the session: the link page says so and drafts stay
  onUnauthenticated: () => endSession('expired'),
});

type Schemas = components['schemas'];
export type Suspension = Schemas['SuspensionPublicResponse'];
export type Appeal = Schemas['AppellantAppealResponse'];
export type Message = Schemas['MessageResponse'];
export type Evidence = Schemas['EvidenceResponse'];
export type Refund = Schemas['RefundPublicResponse'];
export type InboxItem = Schemas['InboxItemResponse'];
export type Money = Schemas['MoneyDto'];
export type Remedy = Schemas['FileAppealRequest']['requestedRemedy'];
