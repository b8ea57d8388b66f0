import { DECISION_OUTCOMES, REASON_CODES } from '@redress/kernel';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '@redress/notifications';

/**
 * The `webhooks` of the OpenAPI document: what Redress POSTs to the notification, platform and payout
 * receivers (docs/api.md, Webhooks). The `data` of each event is what libs/notifications/domain/webhook-event.ts
 * keeps of its payload: the ids of the objects concerned and a few facts, never contact data or texts.
 */
type Json = Record<string, unknown>;

const MONEY = { $ref: '#/components/schemas/MoneyDto' };
const uuid = (description: string) => ({ type: 'string', format: 'uuid', description });
const time = (description: string) => ({ type: 'string', format: 'date-time', description });
const ACCOUNT = { accountId: { type: 'string', description: 'The suspended account (the platform’s id)' } };
const SUSPENSION = { suspensionId: uuid('The suspension') };
const APPEAL = { ...ACCOUNT, appealId: uuid('The appeal'), ...SUSPENSION };
const REFUND = {
  ...ACCOUNT,
  refundId: uuid('The refund'),
  ...SUSPENSION,
  appealId: uuid('The appeal it was proposed with, if any'),
  amount: MONEY,
};

interface EventDoc {
  summary: string;
  /** Properties of `data`; `required` lists those always present. */
  properties: Json;
  required: string[];
}

const EVENTS: Record<NotificationEvent, EventDoc> = {
  'suspension.noticed': {
    summary: 'An account was suspended and its notice sent',
    properties: {
      ...ACCOUNT,
      ...SUSPENSION,
      waveId: uuid('The ban wave it belongs to, if any'),
      reasonCode: { type: 'string', enum: [...REASON_CODES] },
      automatedDetection: { type: 'boolean' },
      automatedDecision: { type: 'boolean' },
      frozenBalance: MONEY,
      appealDeadline: time('Appeals are accepted until then'),
    },
    required: [
      'accountId',
      'suspensionId',
      'reasonCode',
      'automatedDetection',
      'automatedDecision',
      'frozenBalance',
      'appealDeadline',
    ],
  },
  'appeal.received': {
    summary: 'An appeal was filed',
    properties: {
      ...APPEAL,
      submittedAt: time('When it was filed'),
      decisionDueAt: time('The decision SLA'),
    },
    required: ['accountId', 'appealId', 'suspensionId', 'submittedAt', 'decisionDueAt'],
  },
  'appeal.info_requested': {
    summary: 'A reviewer asked the appellant for information',
    properties: { ...APPEAL, infoDueAt: time('The appellant’s deadline to answer') },
    required: ['accountId', 'appealId', 'suspensionId', 'infoDueAt'],
  },
  'appeal.info_reminder': {
    summary: 'The appellant’s answer is due soon',
    properties: { ...APPEAL, infoDueAt: time('The appellant’s deadline to answer') },
    required: ['accountId', 'appealId', 'suspensionId', 'infoDueAt'],
  },
  'appeal.decided': {
    summary: 'An appeal was decided',
    properties: {
      ...APPEAL,
      refundId: uuid('The refund proposed with the decision, if any'),
      outcome: { type: 'string', enum: [...DECISION_OUTCOMES] },
      decidedAt: time('When it was decided'),
      releasedBalance: { ...MONEY, description: 'Frozen balance released back to the account' },
      refund: { ...MONEY, description: 'Refund proposed with the decision, paid after finance approval' },
      origin: {
        type: 'string',
        enum: ['sample'],
        description:
          'Present when a sampled review of the detector, not the person’s appeal, found the suspension wrong (upheld sample cases send nothing)',
      },
    },
    required: ['accountId', 'appealId', 'suspensionId', 'outcome', 'decidedAt'],
  },
  'appeal.reopened': {
    summary: 'A decided appeal was reopened',
    properties: { ...APPEAL, reopenedAt: time('When it was reopened') },
    required: ['accountId', 'appealId', 'suspensionId', 'reopenedAt'],
  },
  'refund.approved': {
    summary: 'Finance approved a refund; the payout follows',
    properties: { ...REFUND, approvedAt: time('When it was approved') },
    required: ['accountId', 'refundId', 'suspensionId', 'amount', 'approvedAt'],
  },
  'refund.paid': {
    summary: 'A refund was paid out',
    properties: {
      ...REFUND,
      paidAt: time('When it was paid'),
      providerRef: { type: 'string', description: 'The payment’s reference' },
    },
    required: ['accountId', 'refundId', 'suspensionId', 'amount', 'paidAt'],
  },
  'refund.failed': {
    summary: 'A refund’s payout failed',
    properties: REFUND,
    required: ['accountId', 'refundId', 'suspensionId', 'amount'],
  },
  'suspension.lifted': {
    summary: 'A suspension was lifted: reinstate the account (also sent to the platform webhook)',
    properties: {
      ...ACCOUNT,
      ...SUSPENSION,
      externalRef: { type: 'string', description: 'The enforcement system’s reference' },
      liftedAt: time('When it was lifted'),
      releasedBalance: { ...MONEY, description: 'Frozen balance released back to the account' },
    },
    required: ['accountId', 'suspensionId', 'externalRef', 'liftedAt'],
  },
  'sla.breached': {
    summary: 'An appeal passed its decision SLA (a staff notice)',
    properties: {
      appealId: uuid('The appeal'),
      ...SUSPENSION,
      assigneeId: { type: 'string', description: 'The reviewer holding it, if any' },
      level: { type: 'integer', enum: [1, 2] },
      priority: { type: 'integer', minimum: 0, maximum: 100 },
      decisionDueAt: time('The SLA that passed'),
    },
    required: ['appealId', 'suspensionId', 'level', 'priority', 'decisionDueAt'],
  },
};

const RATE = (description: string) => ({ type: 'number', minimum: 0, maximum: 1, description });
const JUDGEMENT: EventDoc['properties'] = {
  detector: {
    type: 'object',
    required: ['name', 'version'],
    properties: { name: { type: 'string' }, version: { type: 'string' } },
    description: 'The detector version judged',
  },
  threshold: RATE('DETECTOR_BREAKER_THRESHOLD when judged'),
  estimate: RATE(
    'The estimated false-positive rate over all its suspensions; absent while a group has no decided case',
  ),
  lowerBound: RATE('Lower limit of the 95 % interval: what the breaker compares with the threshold'),
  upperBound: RATE('Upper limit of the 95 % interval'),
  suspensions: { type: 'integer', description: 'The version’s suspensions' },
  appealsDecided: { type: 'integer', description: 'Decided appeals filed by the people suspended' },
  appealsOverturned: { type: 'integer', description: 'Of them overturned or modified' },
  samplesDecided: { type: 'integer', description: 'Decided sample cases (people who never appealed)' },
  samplesOverturned: { type: 'integer', description: 'Of them overturned or modified' },
  judgedAt: time('When the breaker judged'),
};
const JUDGEMENT_REQUIRED = [
  'detector',
  'threshold',
  'lowerBound',
  'upperBound',
  'suspensions',
  'appealsDecided',
  'appealsOverturned',
  'samplesDecided',
  'samplesOverturned',
  'judgedAt',
];

/** Events only the platform hears (PLATFORM_WEBHOOK_URL): the detector breaker's moves (docs/detectors.md). */
const PLATFORM_EVENTS: Record<'detector.flagged' | 'detector.cleared', EventDoc> = {
  'detector.flagged': {
    summary:
      'A detector version’s false-positive rate is, with 95 % confidence, above the threshold: pause it and review its suspensions',
    properties: JUDGEMENT,
    required: JUDGEMENT_REQUIRED,
  },
  'detector.cleared': {
    summary: 'A flagged detector version’s lower bound fell back to the threshold or below',
    properties: JUDGEMENT,
    required: JUDGEMENT_REQUIRED,
  },
};

const header = (name: string, description: string, schema: Json = { type: 'string' }, required = true) => ({
  name,
  in: 'header',
  required,
  description,
  schema,
});

/** What every webhook carries, in both signature schemes (libs/kernel/webhook-signature.ts). */
const SIGNATURE_HEADERS = [
  header(
    'Redress-Event-Id',
    'The event id (payouts: the refund id), the same on every attempt: de-duplicate on it',
  ),
  header('User-Agent', 'Redress-Webhooks/<version>', { type: 'string', pattern: '^Redress-Webhooks/' }),
  header(
    'Redress-Signature',
    '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, one `v1=` per configured secret (Stripe’s scheme). Absent when the destination has no secret',
    { type: 'string', pattern: '^t=[0-9]+(,v1=[0-9a-f]{64})+$' },
    false,
  ),
  header('webhook-id', 'Standard Webhooks: the same as Redress-Event-Id'),
  header('webhook-timestamp', 'Standard Webhooks: unix seconds of this attempt', {
    type: 'string',
    pattern: '^[0-9]+$',
  }),
  header(
    'webhook-signature',
    'Standard Webhooks: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">`, one space-separated entry per configured secret. Absent when the destination has no secret',
    { type: 'string' },
    false,
  ),
];

const schemaName = (type: string): string =>
  `${type
    .split(/[._]/)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')}Webhook`;

const eventSchema = (type: string, doc: EventDoc): Json => ({
  type: 'object',
  description: doc.summary,
  required: ['id', 'type', 'createdAt', 'data'],
  properties: {
    id: uuid('The event id, the same on every attempt and for every receiver'),
    type: { type: 'string', const: type },
    createdAt: time('When the event happened'),
    data: { type: 'object', required: doc.required, properties: doc.properties },
  },
});

const ACKNOWLEDGED = {
  '200': { description: 'Any 2xx acknowledges the delivery; the body is ignored' },
  '400': { description: 'Anything but 2xx, redirects included, is a failure: the delivery is retried later' },
};

const webhookOperation = (
  operationId: string,
  summary: string,
  description: string,
  body: Json,
  responses: Json,
  parameters: Json[] = [],
) => ({
  post: {
    operationId,
    summary,
    description,
    tags: ['webhooks'],
    security: [],
    parameters: [...SIGNATURE_HEADERS, ...parameters],
    requestBody: { required: true, content: { 'application/json': { schema: body } } },
    responses,
  },
});

const PAYOUT_REQUEST = {
  type: 'object',
  required: ['refundId', 'suspensionId', 'accountId', 'amount'],
  properties: { refundId: uuid('The refund to pay'), ...SUSPENSION, ...ACCOUNT, amount: MONEY },
};

/** The webhook schemas, for `components.schemas`, and the `webhooks` that POST them. */
export function webhookDocuments(): { schemas: Record<string, Json>; webhooks: Record<string, Json> } {
  const schemas: Record<string, Json> = { PayoutRequest: PAYOUT_REQUEST };
  const webhooks: Record<string, Json> = {};
  for (const type of NOTIFICATION_EVENTS) {
    const name = schemaName(type);
    schemas[name] = eventSchema(type, EVENTS[type]);
    webhooks[type] = webhookOperation(
      `on${name.replace(/Webhook$/, '')}`,
      EVENTS[type].summary,
      `POSTed to NOTIFY_WEBHOOK_URL${type === 'suspension.lifted' ? ' and PLATFORM_WEBHOOK_URL' : ''} as \`${type}\`, at least once.`,
      { $ref: `#/components/schemas/${name}` },
      ACKNOWLEDGED,
    );
  }
  for (const [type, doc] of Object.entries(PLATFORM_EVENTS)) {
    const name = schemaName(type);
    schemas[name] = eventSchema(type, doc);
    webhooks[type] = webhookOperation(
      `on${name.replace(/Webhook$/, '')}`,
      doc.summary,
      `POSTed to PLATFORM_WEBHOOK_URL as \`${type}\`, at least once, when the breaker moves: once per crossing of the threshold, not once per decision.`,
      { $ref: `#/components/schemas/${name}` },
      ACKNOWLEDGED,
    );
  }
  webhooks['payout.requested'] = webhookOperation(
    'onPayoutRequested',
    'Pay an approved refund (PAYOUT_PROVIDER=webhook)',
    'POSTed to PAYOUT_WEBHOOK_URL with `Idempotency-Key: <refund id>`, so the provider pays each refund once however often it is asked.',
    { $ref: '#/components/schemas/PayoutRequest' },
    {
      '200': {
        description:
          'Paid; a `reference` (or `providerRef`, or `id`) in the JSON answer is recorded as the payment’s reference',
      },
      '400': {
        description:
          'Refused: the refund fails with the provider’s reason (408, 409, 425 and 429 are retried instead)',
      },
      '500': { description: 'Not now: retried later, as are timeouts and network errors' },
    },
    [header('Idempotency-Key', 'The refund id: pay each refund once', { type: 'string', format: 'uuid' })],
  );
  return { schemas, webhooks };
}
