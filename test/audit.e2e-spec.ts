import { AuditLog, auditHash, GENESIS_HASH } from '@redress/audit';
import { UnitOfWork } from '@redress/database';
import { suspensionRequest, TestApp } from '@redress/testing';

describe('Audit log', () => {
  let app: TestApp;
  const admin = () => app.bearer('admin_1', 'admin');
  beforeAll(async () => {
    app = await TestApp.start('audit', { worker: false });
  });
  afterAll(() => app.close());

  it('chains each entity’s events, lists them, and the database refuses updates and deletes', async () => {
    const enforcement = app.bearer('enforcer_1', 'enforcement');
    const created = await app.http
      .post('/v1/suspensions')
      .set(enforcement)
      .send(suspensionRequest())
      .expect(201);
    const id = created.body.id;
    await app.http
      .post(`/v1/suspensions/${id}/lift`)
      .set(enforcement)
      .send({ reason: 'detector misfired' })
      .expect(200);

    const list = await app.http.get(`/v1/audit?entityId=${id}`).set(admin()).expect(200);
    const [lifted, createdEvent] = list.body.data;
    expect(createdEvent).toMatchObject({
      action: 'suspension.created',
      entityType: 'suspension',
      prevHash: '0'.repeat(64),
      actor: { sub: 'enforcer_1', roles: ['enforcement'] },
    });
    expect(lifted).toMatchObject({ action: 'suspension.lifted', prevHash: createdEvent.hash });

    await expect(
      app.query(`UPDATE audit_events SET action = 'x' WHERE entity_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(app.query(`DELETE FROM audit_events WHERE entity_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(app.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('verifies the chains and finds a row altered behind the application’s back', async () => {
    const enforcement = app.bearer('enforcer_1', 'enforcement');
    for (let i = 0; i < 3; i += 1)
      await app.http.post('/v1/suspensions').set(enforcement).send(suspensionRequest()).expect(201);
    const ok = await app.http.get('/v1/audit/verify').set(admin()).expect(200);
    expect(ok.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(ok.body.checked).toBeGreaterThanOrEqual(5);

    // a superuser disables the guard trigger and rewrites history
    const [victim] = await app.query<{ seq: string }>(
      `SELECT seq FROM audit_events ORDER BY seq LIMIT 1 OFFSET 2`,
    );
    await app.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await app.query(
      `UPDATE audit_events SET data = jsonb_set(data, '{reasonCode}', '"other"') WHERE seq = $1`,
      [victim.seq],
    );
    await app.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);

    const broken = await app.http.get('/v1/audit/verify').set(admin()).expect(200);
    // no checkpoint yet (no worker here): the per-entity chains alone find it
    expect(broken.body).toEqual({
      ok: false,
      checked: ok.body.checked,
      firstBrokenSeq: Number(victim.seq),
      checkpointsVerified: 0,
      lastCheckpointSeq: null,
    });
  });

  it('appends from concurrent transactions as one chain whose hashes the application recomputes', async () => {
    const audit = app.api.get(AuditLog);
    const uow = app.api.get(UnitOfWork);
    const actor = { sub: 'reviewer_ü', roles: ['reviewer' as const] };
    const entityId = 'chain-under-load';
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        uow.run((tx) =>
          audit.append(tx, {
            actor,
            action: 'test.appended',
            entityType: 'test',
            entityId,
            data: { i, note: 'ünïcødé 漢字 🚫' },
          }),
        ),
      ),
    );

    const rows = await app.query<{
      at: Date;
      actor_sub: string;
      actor_roles: string[];
      action: string;
      data: Record<string, unknown>;
      prev_hash: string;
      hash: string;
    }>(`SELECT * FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [entityId]);
    expect(rows).toHaveLength(20);
    let previous = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prev_hash).toBe(previous);
      const content = {
        at: row.at.toISOString(),
        actor: { sub: row.actor_sub, roles: row.actor_roles },
        action: row.action,
        entityType: 'test',
        entityId,
        data: row.data,
      };
      expect(row.hash).toBe(auditHash(previous, content));
      previous = row.hash;
    }
    expect(new Set(rows.map((r) => r.data.i)).size).toBe(20);
  });
});
