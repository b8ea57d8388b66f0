import type { Actor, StoredEvent } from '@redress/kernel';
import { Outbox, type OutboxMessage } from '@redress/outbox';
import { CreateSuspensionUseCase, type NewSuspension } from '@redress/suspensions';
import { suspensionRequest } from '@redress/testing/builders';
import { ReportsModule } from '@redress/reports';
import { startModule, type MediumModule } from '@redress/testing/medium-module';
import { NotificationsModule } from '../notifications.module';
import { DispatchEventUseCase } from './dispatch-event.use-case';

const ENFORCER: Actor = { sub: 'enforcer_1', roles: ['enforcement'] };

/** The dispatcher's one statement: the copies, the notice times and the outbox rows' "processed". */
describe('DispatchEventUseCase.executeMany', () => {
  let m: MediumModule;
  let dispatch: DispatchEventUseCase;

  beforeAll(async () => {
    // ReportsModule: creating a suspension publishes its statement of reasons
    m = await startModule('dispatch', [NotificationsModule, ReportsModule], {
      env: { SMTP_URL: 'smtp://127.0.0.1:2525', NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/notify' },
    });
    dispatch = m.get(DispatchEventUseCase);
  });
  afterAll(() => m.close());

  /** A new suspension's notice, as the relay hands it to the dispatcher. */
  async function noticeEvent(): Promise<StoredEvent<'suspension.noticed'> & { suspensionId: string }> {
    const request = suspensionRequest() as unknown as NewSuspension;
    const { suspension } = await m.get(CreateSuspensionUseCase).execute(ENFORCER, request);
    const [row] = await m.query<StoredEvent<'suspension.noticed'>>(
      `SELECT id, type, payload FROM outbox_messages WHERE type = 'suspension.noticed' AND payload->>'suspensionId' = $1`,
      [suspension.id],
    );
    return { ...row, suspensionId: suspension.id };
  }

  async function appendEvent(message: OutboxMessage): Promise<StoredEvent> {
    const id = await m.uow.run((tx) => m.get(Outbox).append(tx, message));
    return { id, ...message };
  }

  const copies = (eventId: string) =>
    m.query<{ id: string; channel: string; status: string; attempts: number; sent: boolean; due: boolean }>(
      `SELECT id, channel, status, attempts, sent_at IS NOT NULL AS sent, next_attempt_at IS NOT NULL AS due
         FROM notifications WHERE event_id = $1 ORDER BY channel`,
      [eventId],
    );
  const processed = async (ids: string[]) =>
    (
      await m.query<{ processed_at: Date | null }>(
        'SELECT processed_at FROM outbox_messages WHERE id = ANY($1) ORDER BY id',
        [ids],
      )
    ).map((r) => r.processed_at);
  const noticeSentAt = async (suspensionId: string) =>
    (
      await m.query<{ t: Date | null }>('SELECT notice_sent_at AS t FROM suspensions WHERE id = $1', [
        suspensionId,
      ])
    )[0].t;

  it('records every copy, stamps the notices and marks the events processed', async () => {
    const [a, b] = [await noticeEvent(), await noticeEvent()];
    // no one to tell: nothing is recorded, but the event is done all the same
    const silent = await appendEvent({
      type: 'refund.payout_requested',
      payload: { refundId: '00000000-0000-4000-8000-000000000001' },
    });
    const owed = await dispatch.executeMany([a, b, silent]);

    const [aCopies, bCopies] = [await copies(a.id), await copies(b.id)];
    expect(aCopies).toEqual([
      expect.objectContaining({ channel: 'email', status: 'pending', attempts: 0, sent: false, due: true }),
      expect.objectContaining({ channel: 'inbox', status: 'sent', attempts: 1, sent: true, due: false }),
      expect.objectContaining({ channel: 'webhook', status: 'pending', attempts: 0, sent: false, due: true }),
    ]);
    expect(await copies(silent.id)).toEqual([]);
    // what the delivery queue gets: the e-mails and webhooks
    const deliveries = [...aCopies, ...bCopies].filter((c) => c.channel !== 'inbox').map((c) => c.id);
    expect([...owed].sort()).toEqual(deliveries.sort());
    expect(await noticeSentAt(a.suspensionId)).toBeInstanceOf(Date);
    expect(await noticeSentAt(b.suspensionId)).toBeInstanceOf(Date);
    expect((await processed([a.id, b.id, silent.id])).every((t) => t instanceof Date)).toBe(true);
    const [rendered] = await m.query<{ subject: string; body: string; address: string }>(
      `SELECT subject, body, data->>'address' AS address FROM notifications WHERE event_id = $1 AND channel = 'email'`,
      [a.id],
    );
    expect(rendered.subject).toBeTruthy();
    expect(rendered.body).toBeTruthy();
    expect(rendered.address).toBe(a.payload.accountEmail);
  });

  it('writes all of it or nothing: a copy that cannot be stored leaves the notice and the event as they were', async () => {
    const event = await noticeEvent();
    await m.query(
      `CREATE FUNCTION refuse_copy() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'refused copy'; END $$`,
    );
    await m.query(
      `CREATE TRIGGER refuse_copy BEFORE INSERT ON notifications FOR EACH ROW
         WHEN (NEW.event_id = '${event.id}'::uuid) EXECUTE FUNCTION refuse_copy()`,
    );
    try {
      await expect(dispatch.executeMany([event])).rejects.toThrow('refused copy');
    } finally {
      await m.query('DROP TRIGGER refuse_copy ON notifications');
      await m.query('DROP FUNCTION refuse_copy()');
    }
    expect(await copies(event.id)).toEqual([]);
    expect(await noticeSentAt(event.suspensionId)).toBeNull();
    expect(await processed([event.id])).toEqual([null]);
  });

  it('changes nothing when the same events come again', async () => {
    const event = await noticeEvent();
    await dispatch.executeMany([event]);
    const before = {
      copies: await copies(event.id),
      noticed: await noticeSentAt(event.suspensionId),
      processed: await processed([event.id]),
    };
    expect(await dispatch.executeMany([event])).toEqual([]);
    expect(await dispatch.execute(event)).toEqual([]);
    expect({
      copies: await copies(event.id),
      noticed: await noticeSentAt(event.suspensionId),
      processed: await processed([event.id]),
    }).toEqual(before);
  });

  it('answers a redelivery request with the notification it names while it is owed, and creates nothing', async () => {
    const event = await noticeEvent();
    const [email] = await dispatch.executeMany([event]);
    const count = async () => (await m.query('SELECT id FROM notifications')).length;
    const rows = await count();
    const request = await appendEvent({ type: 'notification.redeliver', payload: { notificationId: email } });
    expect(await dispatch.executeMany([request])).toEqual([email]);
    expect(await processed([request.id])).toEqual([expect.any(Date)]);
    await m.query(`UPDATE notifications SET status = 'sent', sent_at = now() WHERE id = $1`, [email]);
    const again = await appendEvent({ type: 'notification.redeliver', payload: { notificationId: email } });
    expect(await dispatch.executeMany([again])).toEqual([]);
    expect(await count()).toBe(rows);
  });
});
