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

/** hash = sha256(prevHash + canonical JSON (RFC 8785) of the event). */
export function auditHash(prevHash: string, event: AuditEventContent): string {
  return createHash('sha256')
    .update(prevHash + canonicalize(event))
    .digest('hex');
}
