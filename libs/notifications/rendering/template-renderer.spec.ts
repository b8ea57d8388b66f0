import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventPayloads } from '@redress/kernel';
import {
  LOCALES,
  NOTIFICATION_EVENTS,
  REASON_CODES,
  TemplateRenderer,
  defaultTemplatesDir,
  formatMoney,
  resolveLocale,
  type NotificationData,
  type NotificationEvent,
} from './index';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

const TO = { accountId: 'acct_1', accountEmail: 'a@example.com', locale: 'en' } as const;

const SAMPLES: Pick<EventPayloads, NotificationEvent> = {
  'suspension.noticed': {
    ...TO,
    suspensionId: '0b5b7a52-0c0e-4c4f-9c1e-3f1d2a9a1b01',
    reasonCode: 'model_distillation',
    statementOfReasons: 'Traffic from this account matched a distillation pattern over 14 days.',
    policyClause: 'Usage Policy §4.2',
    automatedDetection: true,
    automatedDecision: true,
    frozenBalance: eur(12345),
    suspendedAt: '2025-03-01T09:30:00.000Z',
    appealDeadline: '2025-08-28T09:30:00.000Z',
    waveId: null,
    appealUrl: 'https://appeals.example.com/suspensions/0b5b7a52',
  },
  'appeal.received': {
    ...TO,
    appealId: 'a1',
    suspensionId: 's1',
    submittedAt: '2025-03-02T10:00:00.000Z',
    decisionDueAt: '2025-03-16T10:00:00.000Z',
  },
  'appeal.info_requested': {
    ...TO,
    appealId: 'a1',
    suspensionId: 's1',
    message: 'Please upload an invoice showing how you used the API outputs.',
    infoDueAt: '2025-03-09T10:00:00.000Z',
  },
  'appeal.info_reminder': {
    ...TO,
    appealId: 'a1',
    suspensionId: 's1',
    message: 'Please upload an invoice.',
    infoDueAt: '2025-03-09T10:00:00.000Z',
  },
  'appeal.decided': {
    ...TO,
    appealId: 'a1',
    suspensionId: 's1',
    outcome: 'overturned',
    rationale: 'The traffic came from a documented evaluation harness, not from distillation.',
    decidedAt: '2025-03-10T12:00:00.000Z',
    releasedBalance: eur(12345),
    odsBodyName: 'Appeals Centre Europe',
    odsBodyUrl: 'https://www.appealscentre.eu/',
  },
  'appeal.reopened': {
    ...TO,
    appealId: 'a1',
    suspensionId: 's1',
    reopenReason: 'New evidence about the detector became available.',
    reopenedAt: '2025-03-20T08:00:00.000Z',
  },
  'refund.approved': {
    ...TO,
    refundId: 'r1',
    suspensionId: 's1',
    amount: eur(5000),
    approvedAt: '2025-03-11T08:00:00.000Z',
  },
  'refund.paid': {
    ...TO,
    refundId: 'r1',
    suspensionId: 's1',
    amount: eur(5000),
    paidAt: '2025-03-12T08:00:00.000Z',
    providerRef: 'PAY-42',
  },
  'refund.failed': {
    ...TO,
    refundId: 'r1',
    suspensionId: 's1',
    amount: eur(5000),
    failureReason: 'IBAN closed',
  },
  'suspension.lifted': {
    ...TO,
    suspensionId: 's1',
    externalRef: 'det-1',
    liftedAt: '2025-03-10T12:00:00.000Z',
    liftReason: 'Appeal overturned.',
    releasedBalance: eur(12345),
  },
  'sla.breached': {
    appealId: 'a1',
    suspensionId: 's1',
    level: 1,
    priority: 70,
    decisionDueAt: '2025-03-16T10:00:00.000Z',
  },
};

const event = <E extends NotificationEvent>(type: E, payload: EventPayloads[E]): NotificationData<E> => ({
  type,
  payload,
});

/** The invisible characters notices must not carry, listed independently of the renderer's own pattern. */
const INVISIBLE =
  /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u034F\u115F\u1160\u3164\uFFA0]|\p{Cf}|\p{Co}/u;

describe('TemplateRenderer', () => {
  const renderer = new TemplateRenderer();
  const cases = LOCALES.flatMap((locale) => NOTIFICATION_EVENTS.map((type) => [type, locale] as const));

  it.each(cases)('renders %s in %s', (type, locale) => {
    const out = renderer.render(event(type, SAMPLES[type]), locale);
    for (const part of [out.subject, out.text, out.html]) {
      expect(part.trim()).not.toBe('');
      expect(part).not.toMatch(INVISIBLE);
      expect(part).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]|NaN/);
    }
    expect(out.subject).not.toContain('\n');
    expect(out.html).toMatch(/^<!DOCTYPE html>/);
  });

  it('has no invisible characters in the template files themselves', () => {
    const dir = defaultTemplatesDir();
    for (const locale of LOCALES) {
      for (const file of readdirSync(join(dir, locale))) {
        const hidden = INVISIBLE.test(readFileSync(join(dir, locale, file), 'utf8'));
        expect({ file: `${locale}/${file}`, hidden }).toEqual({ file: `${locale}/${file}`, hidden: false });
      }
    }
  });

  it('strips invisible characters that arrive in the data', () => {
    const out = renderer.render(
      event('appeal.info_requested', {
        ...SAMPLES['appeal.info_requested'],
        message: 'Hid\u200Bden\u202Emarker\uFEFF\u00AD\u{E0041}',
      }),
      'en',
    );
    for (const part of [out.subject, out.text, out.html]) expect(part).not.toMatch(INVISIBLE);
    expect(out.text).toContain('Hiddenmarker');
  });

  it('states everything the suspension notice must state', () => {
    const { text, html } = renderer.render(event('suspension.noticed', SAMPLES['suspension.noticed']), 'en');
    for (const part of [text, html]) {
      expect(part).toContain('Model distillation');
      expect(part).toContain('matched a distillation pattern');
      expect(part).toContain('Usage Policy §4.2');
      expect(part).toContain('€123.45');
      expect(part).toContain('August 28, 2025 at 09:30 UTC');
      expect(part).toContain('https://appeals.example.com/suspensions/0b5b7a52');
    }
    expect(text).toContain('Detected by automated means: Yes');
    expect(text).toContain('Decided by automated means: Yes');
  });

  it('escapes user input in HTML but not in plain text', () => {
    const evil = '<script>alert(1)</script> "&\'';
    const out = renderer.render(
      event('appeal.decided', { ...SAMPLES['appeal.decided'], rationale: evil }),
      'en',
    );
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#x27;');
    expect(out.text).toContain(evil);
  });

  it('states outcome, rationale, balance and the ODS body in the zh-CN decision notice', () => {
    const rationale = '经核实，该流量来自有记录的评估程序，并非模型蒸馏。';
    const out = renderer.render(
      event('appeal.decided', {
        ...SAMPLES['appeal.decided'],
        outcome: 'upheld',
        rationale,
        releasedBalance: undefined,
        refund: eur(5000),
      }),
      'zh-CN',
    );
    for (const part of [out.text, out.html]) {
      expect(part).toContain(rationale);
      expect(part).toContain('维持');
      expect(part).toContain('€50.00');
      expect(part).toContain('Appeals Centre Europe');
      expect(part).toContain('https://www.appealscentre.eu/');
    }
    expect(out.subject).toBe('申诉结果：维持暂停决定');
  });

  it.each(LOCALES)(
    'tells the person of a sample case that a review found the suspension wrong (%s)',
    (locale) => {
      const sample = renderer.render(
        event('appeal.decided', { ...SAMPLES['appeal.decided'], origin: 'sample' }),
        locale,
      );
      const filed = renderer.render(event('appeal.decided', SAMPLES['appeal.decided']), locale);
      const [found, accepted] =
        locale === 'en'
          ? ['found that the suspension was wrong', 'Your appeal has been accepted']
          : ['复核认定该暂停有误', '您的申诉已被采纳'];
      for (const part of [sample.text, sample.html]) {
        expect(part).toContain(found);
        expect(part).not.toContain(accepted);
      }
      for (const part of [filed.text, filed.html]) {
        expect(part).toContain(accepted);
        expect(part).not.toContain(found);
      }
      expect(sample.subject).not.toEqual(filed.subject);
    },
  );

  it('fails loudly when a variable is missing', () => {
    const { rationale: _omitted, ...data } = SAMPLES['appeal.decided'];
    // @ts-expect-error the payload lacks the rationale the contract requires
    expect(() => renderer.render(event('appeal.decided', data), 'en')).toThrow(/rationale/);
    const noBalance = { ...SAMPLES['suspension.noticed'], frozenBalance: undefined };
    // @ts-expect-error the payload lacks the frozen balance the contract requires
    expect(() => renderer.render(event('suspension.noticed', noBalance), 'en')).toThrow();
  });

  it('falls back to en for an unknown locale', () => {
    const sample = SAMPLES['appeal.received'];
    expect(renderer.render(event('appeal.received', sample), 'fr-FR')).toEqual(
      renderer.render(event('appeal.received', sample), 'en'),
    );
    expect(resolveLocale('zh-cn')).toBe('zh-CN');
    expect(resolveLocale(undefined)).toBe('en');
  });

  it('labels every reason code in every locale', () => {
    for (const locale of LOCALES) {
      const labels = JSON.parse(readFileSync(join(defaultTemplatesDir(), locale, 'labels.json'), 'utf8'));
      for (const reasonCode of REASON_CODES) {
        const { subject } = renderer.render(
          event('suspension.noticed', { ...SAMPLES['suspension.noticed'], reasonCode }),
          locale,
        );
        expect(subject).toContain(labels.reasons[reasonCode]);
      }
    }
  });
});

describe('links to the appeal page', () => {
  const renderer = new TemplateRenderer();
  const appealUrl = 'https://appeals.example.com/appeal/suspensions/s1';
  const accountNotices = NOTIFICATION_EVENTS.filter((type) => type !== 'sla.breached');
  const cases = LOCALES.flatMap((locale) => accountNotices.map((type) => [type, locale] as const));

  it.each(cases)('%s in %s links to it, says how to get in, and names no API route', (type, locale) => {
    const out = renderer.render(event(type, { ...SAMPLES[type], appealUrl } as never), locale);
    for (const part of [out.text, out.html]) {
      expect(part).toContain(appealUrl);
      expect(part).toMatch(locale === 'en' ? /one-time sign-in link/ : /一次性登录链接/);
      expect(part).not.toMatch(/\/v1\/|\b(GET|POST) \//);
    }
  });

  it.each([...LOCALES])('renders the access-link e-mail in %s with the link and its expiry', (locale) => {
    const accessUrl = 'https://appeals.example.com/appeal/access#q3Vd8m1yXc0Jr9bQ2kP5sT7uW4zA6hE8nL1oG3iF0cY';
    const out = renderer.renderAccessLink(
      { ...TO, suspensionId: 's1', appealUrl, accessUrl, expiresAt: '2025-03-01T10:00:00.000Z' },
      locale,
    );
    for (const part of [out.subject, out.text, out.html]) expect(part).not.toMatch(/\{\{|undefined/);
    for (const part of [out.text, out.html]) {
      expect(part).toContain(accessUrl);
      expect(part).toContain(appealUrl);
      expect(part).toContain('acct_1');
    }
    expect(out.text).toContain(locale === 'en' ? 'March 1, 2025 at 10:00 UTC' : '2025年3月1日');
  });
});

describe('defaultTemplatesDir', () => {
  it('finds the templates from source and from the compiled dist/ tree', () => {
    const fromSource = defaultTemplatesDir();
    expect(fromSource).toBe(join(__dirname, '..', 'templates'));
    const repoRoot = join(__dirname, '..', '..', '..');
    expect(defaultTemplatesDir(join(repoRoot, 'dist', 'libs', 'notifications', 'rendering'))).toBe(
      fromSource,
    );
  });
});

describe('formatMoney', () => {
  it('formats integer minor units with the currency', () => {
    expect(formatMoney(eur(12345), 'en')).toBe('€123.45');
    expect(formatMoney(eur(12345), 'zh-CN')).toBe('€123.45');
    expect(formatMoney({ amountMinor: 5, currency: 'USD' }, 'en')).toBe('$0.05');
    expect(formatMoney({ amountMinor: -120000, currency: 'USD' }, 'en')).toBe('-$1,200.00');
    expect(formatMoney({ amountMinor: 1234, currency: 'JPY' }, 'en')).toBe('¥1,234');
    expect(formatMoney({ amountMinor: 1234, currency: 'BHD' }, 'en')).toBe('BHD\u00A01.234');
    expect(formatMoney({ amountMinor: 9007199254740991, currency: 'EUR' }, 'en')).toBe(
      '€90,071,992,547,409.91',
    );
  });

  it('rejects floats and missing values', () => {
    expect(() => formatMoney(eur(1.5), 'en')).toThrow();
    expect(() => formatMoney(undefined, 'en')).toThrow();
  });
});
