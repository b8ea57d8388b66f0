import { randomUUID } from 'node:crypto';
import { INVISIBLE_CHARS } from '@redress/notifications';
import { eventually, suspensionRequest, TestApp } from '@redress/testing';
import { SmtpReceiver, type ReceivedMail } from './notifications-receivers';

const CHINESE = /[\u4e00-\u9fff]/;

describe('Notifications by e-mail: a real SMTP server receives the notices in the recipient’s language', () => {
  let app: TestApp;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await SmtpReceiver.start();
    app = await TestApp.start('notifications_email', {
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Redress <notices@redress.test>',
        STAFF_EMAIL: 'staff@redress.test',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  const mailTo = (address: string) =>
    eventually(async () => smtp.messages.find((m) => m.to.includes(address)), 15000, `mail to ${address}`);
  const emailRow = (eventType: string, key: string) =>
    app.query<{ status: string; attempts: number; event_id: string; id: string }>(
      `SELECT id, status, attempts, event_id FROM notifications
        WHERE channel = 'email' AND event_type = $1 AND (suspension_id::text = $2 OR appeal_id::text = $2)`,
      [eventType, key],
    );
  const expectClean = (mail: ReceivedMail) => {
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(INVISIBLE_CHARS);
  };

  it('sends the suspension notice of a zh-CN account in zh-CN, stating the reasons', async () => {
    const body = suspensionRequest({
      locale: 'zh-CN',
      statementOfReasons: '检测到该账户在三天内发送了210万次蒸馏式请求。',
    });
    const created = await app.http
      .post('/v1/suspensions')
      .set(app.bearer('enforcer_1', 'enforcement'))
      .send(body)
      .expect(201);

    const mail = await mailTo(body.accountEmail as string);
    expect(mail.from).toBe('notices@redress.test');
    expect(mail.subject).toMatch(CHINESE);
    for (const part of [mail.text, mail.html]) {
      expect(part).toMatch(CHINESE);
      expect(part).toContain('检测到该账户在三天内发送了210万次蒸馏式请求。');
      expect(part).toContain('Terms of Service §4.2');
      expect(part).toContain('$125.00');
    }
    expect(mail.html).toContain('<html');
    expectClean(mail);

    const [row] = await eventually(async () => {
      const rows = await emailRow('suspension.noticed', created.body.id);
      return rows[0]?.status === 'sent' ? rows : null;
    });
    expect(row.attempts).toBe(1);
    // the event id travels with the mail, and the Message-ID stays the same should it be sent again
    expect(mail.headers['redress-event-id']).toBe(row.event_id);
    expect(mail.headers['message-id']).toBe(`<${row.id}@redress>`);
  });

  // Decisions are built in another issue; the decided event is written to the outbox as the decision
  // use-case will write it, and everything from the outbox on is the real path.
  it('sends the decision notice in zh-CN with the rationale, the outcome and the out-of-court option', async () => {
    const accountEmail = `${randomUUID()}@example.com`;
    const appealId = randomUUID();
    const rationale = '经核实，该流量来自有记录的评估程序，并非模型蒸馏。暂停决定予以撤销。';
    await app.query(`INSERT INTO outbox_messages (id, type, payload) VALUES ($1, 'appeal.decided', $2)`, [
      randomUUID(),
      {
        accountId: `acct_${randomUUID()}`,
        accountEmail,
        locale: 'zh-CN',
        appealId,
        suspensionId: randomUUID(),
        outcome: 'overturned',
        rationale,
        decidedAt: new Date().toISOString(),
        releasedBalance: { amountMinor: 12500, currency: 'USD' },
        odsBodyName: 'Appeals Centre Europe',
        odsBodyUrl: 'https://www.appealscentre.eu',
      },
    ]);

    const mail = await mailTo(accountEmail);
    expect(mail.subject).toMatch(CHINESE);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(rationale);
      expect(part).toContain('$125.00');
      expect(part).toContain('Appeals Centre Europe');
      expect(part).toContain('https://www.appealscentre.eu');
    }
    expectClean(mail);
    await eventually(async () => (await emailRow('appeal.decided', appealId))[0]?.status === 'sent');
  });

  it('e-mails staff notices (sla.breached) to STAFF_EMAIL, never to the account', async () => {
    const appealId = randomUUID();
    await app.query(`INSERT INTO outbox_messages (id, type, payload) VALUES ($1, 'sla.breached', $2)`, [
      randomUUID(),
      {
        accountId: 'acct_sla',
        accountEmail: 'acct_sla@example.com',
        appealId,
        suspensionId: randomUUID(),
        level: 2,
        priority: 70,
        decisionDueAt: new Date().toISOString(),
      },
    ]);
    const mail = await eventually(
      async () => smtp.messages.find((m) => m.to.includes('staff@redress.test') && m.text.includes(appealId)),
      15000,
      'the staff mail',
    );
    expect(mail.subject.length).toBeGreaterThan(0);
    expect(smtp.messages.some((m) => m.to.includes('acct_sla@example.com'))).toBe(false);
    const rows = await app.query<{ recipient_type: string; channel: string }>(
      `SELECT recipient_type, channel FROM notifications WHERE appeal_id = $1 ORDER BY channel`,
      [appealId],
    );
    expect(rows).toEqual([
      { recipient_type: 'staff', channel: 'email' },
      { recipient_type: 'staff', channel: 'inbox' },
    ]);
  });
});
