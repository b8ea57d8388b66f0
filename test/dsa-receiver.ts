import { validateStatementOfReasons } from '@redress/reports';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TDB_TOKEN = 'tdb-test-token';

/** What the receiver does with the next batch request: answer normally, or one of the failures. */
export type ReceiverStep = 'ok' | 429 | 500 | 'store-and-hang';

interface Stored {
  uuid: string;
  statement: Record<string, unknown>;
}

/**
 * A local stand-in for the DSA Transparency Database's API, answering as its code does: the batch
 * endpoint takes 1–100 statements, checks each with the project's copy of its rules, refuses a puid it
 * already holds (422 with `existing_puids`) or a repeated one, and stores all of a batch or none of it
 * (201 with each statement and its uuid); `GET /api/v1/statement/existing-puid/:puid` answers 302 with
 * the stored statement. A script of steps makes the next requests fail (429, 500) or hang after storing.
 */
export class TdbReceiver {
  readonly stored = new Map<string, Stored>();
  /** Every puid each batch request carried, in order. */
  readonly batches: string[][] = [];
  /** Statements stored, counted one by one: equal to `stored.size` when no puid was ever stored twice. */
  storedCount = 0;
  /** A rule of the database that Redress does not know yet (null: none). */
  refuses: ((statement: Record<string, unknown>) => boolean) | null = null;
  private script: ReceiverStep[] = [];
  private readonly held: ServerResponse[] = [];
  private server?: Server;

  static async start(): Promise<TdbReceiver> {
    const receiver = new TdbReceiver();
    receiver.server = createServer((req, res) => void receiver.handle(req, res));
    receiver.server.listen(0, '127.0.0.1');
    await once(receiver.server, 'listening');
    return receiver;
  }

  env(): Record<string, string> {
    const { port } = this.server!.address() as AddressInfo;
    return { DSA_TDB_URL: `http://127.0.0.1:${port}`, DSA_TDB_TOKEN: TDB_TOKEN };
  }

  answer(...steps: ReceiverStep[]): void {
    this.script.push(...steps);
  }

  async close(): Promise<void> {
    for (const res of this.held.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.headers.authorization !== `Bearer ${TDB_TOKEN}`)
      return json(res, 401, { message: 'Unauthenticated.' });
    const existing = /^\/api\/v1\/statement\/existing-puid\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && existing) {
      const found = this.stored.get(decodeURIComponent(existing[1]));
      return found
        ? json(res, 302, {
            ...found.statement,
            uuid: found.uuid,
            permalink: `https://tdb.test/statement/${found.uuid}`,
          })
        : json(res, 404, { message: 'statement of reason not found' });
    }
    if (req.method !== 'POST' || req.url !== '/api/v1/statements')
      return json(res, 404, { message: 'Not Found' });
    const statements = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { statements?: unknown })
      .statements;
    if (!Array.isArray(statements) || statements.length < 1 || statements.length > 100) {
      return json(res, 422, {
        message: 'The statements field must have between 1 and 100 items.',
        errors: { statements: ['between 1 and 100'] },
      });
    }
    const puids = statements.map((s) => String((s as { puid?: unknown }).puid));
    this.batches.push(puids);
    const step = this.script.shift() ?? 'ok';
    if (step === 429) return json(res, 429, { message: 'Too Many Attempts.' }, { 'retry-after': '1' });
    if (step === 500) return json(res, 500, { message: 'Server Error' });

    const errors: Record<string, Record<string, string[]>> = {};
    statements.forEach((s, i) => {
      const problems = validateStatementOfReasons(s);
      if (this.refuses?.(s as Record<string, unknown>))
        problems.push({ field: 'decision_facts', message: 'is refused by a new rule' });
      if (problems.length)
        errors[`statement_${i}`] = Object.fromEntries(problems.map((p) => [p.field, [p.message]]));
    });
    if (Object.keys(errors).length) return json(res, 422, { errors });
    if (new Set(puids).size !== puids.length) {
      return json(res, 422, {
        message: 'not unique within this call',
        errors: { puid: ['not unique within this call'] },
      });
    }
    const held = puids.filter((p) => this.stored.has(p));
    if (held.length) {
      const message = 'The platform identifier(s) are not all unique within this call.';
      return json(res, 422, { message, errors: { puid: [message], existing_puids: held } });
    }
    const out = statements.map((s, i) => {
      const uuid = randomUUID();
      this.stored.set(puids[i], { uuid, statement: s as Record<string, unknown> });
      this.storedCount += 1;
      return { ...(s as object), uuid, platform_name: 'Redress test', created_at: new Date().toISOString() };
    });
    if (step === 'store-and-hang') {
      this.held.push(res);
      return;
    }
    return json(res, 201, { statements: out });
  }
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
