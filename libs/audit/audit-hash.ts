import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

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

/** What the hash covers besides the predecessor: the event's canonical JSON (RFC 8785). */
export function canonicalAuditEvent(event: AuditEventContent): string {
  return canonicalize(event) as string;
}

/** hash = sha256(prevHash + canonical JSON of the event); `audit_append` in SQL computes the same. */
export function auditHash(prevHash: string, event: AuditEventContent): string {
  return createHash('sha256')
    .update(prevHash + canonicalAuditEvent(event))
    .digest('hex');
}
