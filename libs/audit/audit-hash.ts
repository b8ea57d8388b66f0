import canonicalize from 'canonicalize';
import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What an audit event commits to; `seq` is assigned by the database and so is not part of it. */
export interface AuditEventContent {
  at: string;
  actor: { sub: string; roles: string[] };
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

/**
 * What the hash covers besides the predecessor: the event's canonical JSON (RFC 8785). The fixed
 * outer keys are written in their sorted order by hand (the same text as canonicalize of the whole,
 * spec-tested), which halves the cost where verify hashes millions of events.
 */
export function canonicalAuditEvent(event: AuditEventContent): string {
  const c = canonicalize as (value: unknown) => string;
  return (
    `{"action":${c(event.action)},"actor":{"roles":${c(event.actor.roles)},"sub":${c(event.actor.sub)}},` +
    `"at":${c(event.at)},"data":${c(event.data)},"entityId":${c(event.entityId)},"entityType":${c(event.entityType)}}`
  );
}

/** hash = sha256(prevHash + canonical JSON of the event); `audit_append` in SQL computes the same. */
export function auditHash(prevHash: string, event: AuditEventContent): string {
  // the one-shot hash is several times faster than createHash, which counts when verify walks millions
  return hash('sha256', prevHash + canonicalAuditEvent(event));
}

/**
 * The global chain over every entity's events in seq order, from GENESIS_HASH:
 * digest_n = sha256(digest_{n-1} + ':' + seq_n + ':' + hash_n), seq in decimal, as lowercase hex.
 */
export function chainDigest(previous: string, seq: number, eventHash: string): string {
  return hash('sha256', `${previous}:${seq}:${eventHash}`);
}
