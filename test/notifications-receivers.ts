import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifiesWithStandardWebhooks, verifiesWithStripe } from '@redress/testing/webhook-verifiers';
import { SMTPServer } from 'smtp-server';

/** Helpers of the notifications e2e specs: a real webhook receiver and a real SMTP server. */

export type ReceiverSecrets = string | Record<string, string>;

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  signatureValid: boolean;
  answeredStatus: number;
}

/**
 * An HTTP receiver as a platform would write it: it verifies the delivery with Stripe's and the Standard
 * Webhooks' official libraries (400 unless both accept it), then answers what the test scripted for the event (200 by default).
 * `hold()` makes it stop answering, as a receiver stuck mid-request does.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly scripts = new Map<string, number[]>();
  private held: (() => void)[] | null = null;
  private arrivals = 0;
  private holdFrom = Infinity;

  private constructor(
    private readonly server: Server,
    private readonly secrets: ReceiverSecrets,
  ) {}

  /** `secrets`: the receiver's one secret, or one per path (`/platform` may have its own). */
  static async start(secrets: ReceiverSecrets): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, secrets);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answer = () => {
          const status = receiver.answer(req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'));
          res.writeHead(status, { 'Content-Type': 'text/plain' }).end(String(status));
        };
        receiver.arrivals += 1;
        if (receiver.arrivals > receiver.holdFrom) receiver.hold();
        if (receiver.held) receiver.held.push(answer);
        else answer();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** The secret this receiver verifies with at `path`; a test switches it as a platform rotating would. */
  secretFor(path: string): string {
    return typeof this.secrets === 'string' ? this.secrets : (this.secrets[path] ?? this.secrets['*']);
  }

  url(path = '/hooks'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** Statuses to answer, in order, for events about `key` (an appeal id or event id); the last repeats. */
  script(key: string, statuses: number[]): void {
    this.scripts.set(key, [...statuses]);
  }

  hold(): void {
    this.held ??= [];
  }

  /** Answers the next `n` requests, then holds every later one until release(). */
  holdAfter(n: number): void {
    this.holdFrom = this.arrivals + n;
  }

  get heldCount(): number {
    return this.held?.length ?? 0;
  }

  /** Answers what was held (connections whose client is gone simply fail) and answers normally again. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    this.holdFrom = Infinity;
    for (const answer of held) answer();
  }

  for(predicate: (event: ReceivedWebhook['event']) => boolean): ReceivedWebhook[] {
    return this.received.filter((r) => predicate(r.event));
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(path: string, headers: IncomingHttpHeaders, body: string): number {
    const secret = this.secretFor(path);
    const signature = headers['redress-signature'];
    // a platform verifies with whichever library it uses: both must accept every delivery
    const signatureValid =
      typeof signature === 'string' &&
      verifiesWithStripe(body, signature, secret) &&
      verifiesWithStandardWebhooks(body, headers, secret);
    let event: ReceivedWebhook['event'];
    try {
      event = JSON.parse(body);
    } catch {
      return 400;
    }
    let status = 400;
    if (signatureValid) {
      const key = [event.data?.appealId, event.id].find((k) => typeof k === 'string' && this.scripts.has(k));
      const script = key ? this.scripts.get(key as string)! : [200];
      status = script.length > 1 ? script.shift()! : script[0];
    }
    this.received.push({ path, headers, body, event, signatureValid, answeredStatus: status });
    return status;
  }
}

export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server (no TLS, no auth) that keeps every message it accepts, decoded. */
export class SmtpReceiver {
  private constructor(
    private readonly server: SMTPServer,
    readonly messages: ReceivedMail[],
  ) {}

  static async start(): Promise<SmtpReceiver> {
    const messages: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          messages.push({
            ...parseMail(Buffer.concat(chunks).toString('utf8')),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          callback();
        });
      },
    });
    const receiver = new SmtpReceiver(server, messages);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Just enough MIME for what nodemailer sends: headers, RFC 2047 words, multipart/alternative, base64/QP. */
export function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to'> {
  const { headers, body } = splitEntity(raw);
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const entities = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => splitEntity(p.replace(/^\r?\n/, '')))
    : [{ headers, body }];
  for (const entity of entities) {
    const type = (entity.headers['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase();
    parts[type] = decodeBody(entity.body, entity.headers['content-transfer-encoding']);
  }
  return {
    headers,
    subject: decodeWords(headers.subject ?? ''),
    text: parts['text/plain'] ?? '',
    html: parts['text/html'] ?? '',
  };
}

function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

function decodeBody(body: string, encoding = '7bit'): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return qpBytes(body.replace(/=\r?\n/g, '')).toString('utf8');
    default:
      return body;
  }
}

const qpBytes = (s: string): Buffer =>
  Buffer.from(
    s.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  );

function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?[^?]+\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : qpBytes(text.replace(/_/g, ' ')).toString('utf8'),
    );
}
