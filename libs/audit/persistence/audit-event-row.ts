import type { AuditEventContent } from '../audit-hash';

/** A row of audit_events as pg returns it. */
export interface AuditEventRow {
  seq: string;
  at: Date;
  actor_sub: string;
  actor_roles: string[];
  action: string;
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** What the row's hash commits to. */
export const auditContentOf = (r: AuditEventRow): AuditEventContent => ({
  at: r.at.toISOString(),
  actor: { sub: r.actor_sub, roles: r.actor_roles },
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  data: r.data,
});
