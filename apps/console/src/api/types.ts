/** The console's names for the API's shapes it reads: the SDK's types, generated from docs/openapi.json. */
import type { Actor } from '@redress/kernel';
import type { components } from '@redress/sdk';

type Schemas = components['schemas'];

/** The public views, which a route answering either view sends to appellants (never to the console). */
type PublicView = Schemas[
  'AppellantAppealResponse' | 'SuspensionPublicResponse' | 'RefundPublicResponse' | 'EvidenceResponse'];

/**
 * The staff view of a resource, without `view`: the generated types name each view after its schema
 * (openapi-typescript's implicit discriminator mapping) where the API sends `staff`, so the console
 * checks the value itself (staffView) rather than trusting that literal.
 */
export type Staff<T> = Omit<Exclude<T, PublicView>, 'view'>;

export type StaffAppeal = Staff<Schemas['StaffAppealResponse']>;
/** A row of the review queue: the staff view with its suspension's language and frozen balance. */
export type QueuedAppeal = Staff<Schemas['QueuedAppealResponse']>;
export type StaffSuspension = Staff<Schemas['SuspensionStaffResponse']>;
export type Refund = Schemas['RefundStaffResponse'];
export type Evidence = Schemas['EvidenceStaffResponse'] | Schemas['EvidenceResponse'];
export type Message = Schemas['MessageResponse'];
/** The document declares an event's actor only as an object; it is the kernel's Actor. */
export type AuditEvent = Omit<Schemas['AuditEventResponse'], 'actor'> & { actor: Actor };
export type Wave = Schemas['WaveResponse'];
export type Job = Schemas['JobResponse'];
export type Ledger = Schemas['LedgerResponse'];
export type Book = Schemas['LedgerLegResponse']['book'];
export type TransparencyReport = Schemas['TransparencyReportResponse'];
export type DetectorVersion = Schemas['DetectorVersionResponse'];
export type RateInterval = Schemas['RateIntervalResponse'];
