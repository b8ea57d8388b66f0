import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending to an entity's audit chain in one round trip instead of three (lock, read the last hash,
 * insert): a statement costs more in socket writes than in work (`npm run bench`, review/next). The
 * caller passes the event's canonical JSON, so the hash is sha256(prev_hash || canonical) exactly as
 * `auditHash` computes it and `AuditVerifier` re-checks it. Each statement of a volatile PL/pgSQL
 * function takes a fresh snapshot, so the read after the lock sees the previous holder's event.
 */
export class AuditAppend1763700000010 implements MigrationInterface {
  name = 'AuditAppend1763700000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_append(
        p_at timestamptz, p_actor_sub text, p_actor_roles text[], p_action text,
        p_entity_type text, p_entity_id text, p_data jsonb, p_canonical text
      ) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        previous char(64);
      BEGIN
        -- writers to the same entity queue here; writers to other entities never wait
        PERFORM pg_advisory_xact_lock(hashtextextended(p_entity_type || ':' || p_entity_id, 0));
        SELECT hash INTO previous FROM audit_events
         WHERE entity_id = p_entity_id AND entity_type = p_entity_type ORDER BY seq DESC LIMIT 1;
        previous := coalesce(previous, repeat('0', 64));
        INSERT INTO audit_events (at, actor_sub, actor_roles, action, entity_type, entity_id, data, prev_hash, hash)
        VALUES (p_at, p_actor_sub, p_actor_roles, p_action, p_entity_type, p_entity_id, p_data, previous,
                encode(sha256(convert_to(previous || p_canonical, 'UTF8')), 'hex'));
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_append(timestamptz, text, text[], text, text, text, jsonb, text)`);
  }
}
