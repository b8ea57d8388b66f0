// The baseline: a minimal raw Fastify + pg server doing what Redress does for the measured routes,
// and nothing else (no framework layers, no ORM, no logging, no metrics, no rate limit, no idempotency).
//  - POST /v1/appeals: JWT check, JSON-schema validation, then in one transaction: lock the
//    suspension, insert the appeal, its audit event (hash-chained like Redress's, so the audit chain
//    still verifies) and its outbox row.
//  - GET /v1/review/queue?offset=: the triage listing in the same order (served by the same index),
//    paged with OFFSET instead of a keyset cursor.
import canonicalize from 'canonicalize';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { createHash, createSecretKey, randomUUID } from 'node:crypto';
import pg from 'pg';

// A key object, not the string: jsonwebtoken would otherwise try to parse the string as a PEM key first.
const SECRET = createSecretKey(Buffer.from(process.env.AUTH_JWT_SECRET));
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 20),
});
const app = Fastify({
  logger: false,
  bodyLimit: 1024 * 1024,
  ajv: { customOptions: { removeAdditional: false } },
});

const OPEN = ['submitted', 'in_review', 'awaiting_appellant', 'escalated'];
const GENESIS = '0'.repeat(64);
const SLA_MS = 336 * 3600 * 1000;

class HttpError extends Error {
  constructor(status, code) {
    super(code);
    this.status = status;
  }
}

function actorOf(request, role) {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (!match) throw new HttpError(401, 'unauthenticated');
  let claims;
  try {
    claims = jwt.verify(match[1], SECRET, {
      algorithms: ['HS256'],
      issuer: 'redress',
      audience: 'redress-api',
    });
  } catch {
    throw new HttpError(401, 'unauthenticated');
  }
  if (!Array.isArray(claims.roles) || !claims.roles.includes(role)) throw new HttpError(403, 'forbidden');
  return { sub: claims.sub, roles: claims.roles };
}

app.setErrorHandler((error, _request, reply) => {
  const status = error.status ?? error.statusCode ?? 500;
  reply.status(status).type('application/problem+json').send({ status, code: error.message });
});

const priorityOf = (s) =>
  Math.round(
    (s.automated_decision ? 40 : 0) + 20 * Math.min(1, Math.max(0, Number(s.frozen_amount_minor)) / 100_000),
  );

app.post(
  '/v1/appeals',
  {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['suspensionId', 'statement', 'requestedRemedy'],
        properties: {
          suspensionId: { type: 'string', format: 'uuid' },
          statement: { type: 'string', minLength: 20, maxLength: 10000 },
          requestedRemedy: { enum: ['reinstate', 'refund_only', 'reinstate_or_refund'] },
        },
      },
    },
  },
  async (request, reply) => {
    const actor = actorOf(request, 'appellant');
    const body = request.body;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const {
        rows: [s],
      } = await client.query(
        `SELECT id, account_id, status, automated_decision, frozen_amount_minor, reason_code, wave_id, account_email,
                locale, appeal_deadline FROM suspensions WHERE id = $1 FOR UPDATE`,
        [body.suspensionId],
      );
      if (!s || s.account_id !== actor.sub) throw new HttpError(404, 'not_found');
      if (s.status !== 'active') throw new HttpError(409, 'suspension_not_active');
      const now = new Date();
      if (now >= s.appeal_deadline) throw new HttpError(422, 'appeal_window_closed');
      const appeal = {
        id: randomUUID(),
        suspensionId: s.id,
        status: 'submitted',
        level: 1,
        statement: body.statement.trim(),
        requestedRemedy: body.requestedRemedy,
        priority: priorityOf(s),
        submittedAt: now,
        decisionDueAt: new Date(now.getTime() + SLA_MS),
      };
      await client.query(
        `INSERT INTO appeals (id, suspension_id, account_id, status, level, statement, requested_remedy, priority,
                              reason_code, wave_id, submitted_at, decision_due_at, version)
         VALUES ($1, $2, $3, 'submitted', 1, $4, $5, $6, $7, $8, $9, $10, 1)`,
        [
          appeal.id,
          s.id,
          s.account_id,
          appeal.statement,
          appeal.requestedRemedy,
          appeal.priority,
          s.reason_code,
          s.wave_id,
          now,
          appeal.decisionDueAt,
        ],
      );
      const event = {
        at: now.toISOString(),
        actor,
        action: 'appeal.filed',
        entityType: 'appeal',
        entityId: appeal.id,
        data: { suspensionId: s.id, requestedRemedy: appeal.requestedRemedy, priority: appeal.priority },
      };
      const hash = createHash('sha256')
        .update(GENESIS + canonicalize(event))
        .digest('hex');
      await client.query(
        `INSERT INTO audit_events (at, actor_sub, actor_roles, action, entity_type, entity_id, data, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          now,
          actor.sub,
          actor.roles,
          event.action,
          'appeal',
          appeal.id,
          JSON.stringify(event.data),
          GENESIS,
          hash,
        ],
      );
      await client.query(
        `INSERT INTO outbox_messages (id, type, lane, payload, request_id, available_at) VALUES ($1, $2, 'default', $3, $4, $5)`,
        [
          randomUUID(),
          'appeal.received',
          JSON.stringify({
            appealId: appeal.id,
            suspensionId: s.id,
            accountId: s.account_id,
            accountEmail: s.account_email,
            locale: s.locale,
            submittedAt: now.toISOString(),
            decisionDueAt: appeal.decisionDueAt.toISOString(),
          }),
          request.id,
          now,
        ],
      );
      await client.query('COMMIT');
      reply.status(201);
      return appeal;
    } catch (error) {
      await client.query('ROLLBACK');
      if (error.code === '23505') throw new HttpError(409, 'appeal_already_exists');
      throw error;
    } finally {
      client.release();
    }
  },
);

app.get(
  '/v1/review/queue',
  {
    schema: {
      querystring: {
        type: 'object',
        properties: {
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          offset: { type: 'integer', minimum: 0, default: 0 },
        },
      },
    },
  },
  async (request) => {
    actorOf(request, 'reviewer');
    const { limit, offset } = request.query;
    const { rows } = await pool.query(
      `SELECT a.id, a.suspension_id, a.account_id, a.status, a.level, a.statement, a.requested_remedy, a.assignee_id,
              a.priority, a.reason_code, a.wave_id, a.submitted_at, a.info_due_at, a.info_reminded_at, a.decision_due_at,
              a.clock_paused_at, a.sla_breached, a.decision_outcome, a.decision_rationale, a.decided_by, a.decided_at,
              a.updated_at, a.version
         FROM appeals a WHERE a.status = ANY($1)
        ORDER BY -a.priority, a.submitted_at, a.id LIMIT $2 OFFSET $3`,
      [OPEN, limit, offset],
    );
    return { data: rows, nextOffset: rows.length === limit ? offset + limit : null };
  },
);

app.get('/health', async () => ({ ok: true }));

process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
