import type { Actor } from '@redress/kernel';
import { RefundsModule } from '@redress/refunds';
import { ReportsModule } from '@redress/reports';
import { CreateSuspensionBatchUseCase, CreateWaveUseCase, type NewSuspension } from '@redress/suspensions';
import { suspensionRequest } from '@redress/testing/builders';
import { startModule, type MediumModule } from '@redress/testing/medium-module';
import { STATEMENT } from '@redress/testing/story';
import { AppealsModule } from '../appeals.module';
import { FileAppealUseCase } from './file-appeal.use-case';
import { RequestBulkDecisionUseCase } from './request-bulk-decision.use-case';
import { RunBulkDecisionUseCase } from './run-bulk-decision.use-case';

const ENFORCER: Actor = { sub: 'enforcer_1', roles: ['enforcement'] };
const SENIOR: Actor = { sub: 'sen_1', roles: ['senior_reviewer'] };

describe('RunBulkDecisionUseCase: one chunk per transaction', () => {
  let m: MediumModule;
  let run: RunBulkDecisionUseCase;

  beforeAll(async () => {
    // RefundsModule: a lift asks it what refunds claim of the suspension (REFUND_CLAIMS); ReportsModule
    // publishes the lift's statement of reasons
    m = await startModule('bulk-decision', [AppealsModule, RefundsModule, ReportsModule]);
    run = m.get(RunBulkDecisionUseCase);
  });
  afterAll(() => m.close());

  /** A wave of `size` suspensions, the first `appealed` (in id order) appealed by their owners. */
  async function waveWithAppeals(name: string, size: number, appealed: number) {
    const waveId = await m.get(CreateWaveUseCase).execute(ENFORCER, { name, detector: 'vpn-relay-v2' });
    const items = Array.from(
      { length: size },
      (_, i) =>
        suspensionRequest({
          externalRef: `${name}-${i}`,
          accountId: `${name}_acct_${i}`,
        }) as unknown as NewSuspension,
    );
    await m.get(CreateSuspensionBatchUseCase).execute(ENFORCER, waveId, items);
    const suspensions = await m.query<{ id: string; account_id: string }>(
      'SELECT id, account_id FROM suspensions WHERE wave_id = $1 ORDER BY id',
      [waveId],
    );
    const appeals: string[] = [];
    for (const s of suspensions.slice(0, appealed)) {
      const appeal = await m
        .get(FileAppealUseCase)
        .execute(
          { sub: s.account_id, roles: ['appellant'] },
          { suspensionId: s.id, statement: STATEMENT, requestedRemedy: 'reinstate' },
        );
      appeals.push(appeal.id);
    }
    return { waveId, suspensions: suspensions.map((s) => s.id), appeals };
  }

  const overturn = (waveId: string, includeUnappealed: boolean) =>
    m.get(RequestBulkDecisionUseCase).execute(SENIOR, waveId, {
      outcome: 'overturned',
      rationale: 'The VPN-relay detector misfired on a corporate proxy range.',
      includeUnappealed,
    });

  const job = async (id: string) =>
    (
      await m.query<{ state: string; total: number; processed: number; failed: number }>(
        'SELECT state, total, processed, failed FROM bulk_jobs WHERE id = $1',
        [id],
      )
    )[0];

  const statuses = async (table: 'appeals' | 'suspensions', ids: string[]) =>
    (
      await m.query<{ status: string }>(`SELECT status FROM ${table} WHERE id = ANY($1) ORDER BY id`, [ids])
    ).map((r) => r.status);

  /** Makes every update of the row fail, as a broken item would, until the returned undo runs. */
  async function poison(table: 'appeals' | 'suspensions', id: string): Promise<() => Promise<void>> {
    const name = `poison_${table}`;
    await m.query(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'poisoned item %', NEW.id; END $$`,
    );
    await m.query(
      `CREATE TRIGGER ${name} BEFORE UPDATE ON ${table} FOR EACH ROW
         WHEN (NEW.id = '${id}'::uuid) EXECUTE FUNCTION ${name}()`,
    );
    return async () => {
      await m.query(`DROP TRIGGER ${name} ON ${table}`);
      await m.query(`DROP FUNCTION ${name}()`);
    };
  }

  it('records a poisoned item as failed, decides the rest of its chunk, and never retries it', async () => {
    const { waveId, suspensions, appeals } = await waveWithAppeals('poisoned', 6, 4);
    const undo = [await poison('appeals', appeals[1]), await poison('suspensions', suspensions[5])];
    try {
      const jobId = await overturn(waveId, true);
      expect((await run.runChunk(jobId)).outcome).toBe('progressed'); // the open appeals
      expect((await run.runChunk(jobId)).outcome).toBe('progressed'); // the unappealed suspensions
      expect((await run.runChunk(jobId)).outcome).toBe('finished');
      expect((await run.runChunk(jobId)).outcome).toBe('finished');

      expect(await job(jobId)).toEqual({ state: 'completed', total: 6, processed: 4, failed: 2 });
      const failures = await m.query<{ item_id: string; error: string }>(
        'SELECT item_id, error FROM bulk_job_failures WHERE job_id = $1 ORDER BY error',
        [jobId],
      );
      expect(failures).toEqual([
        { item_id: appeals[1], error: `poisoned item ${appeals[1]}` },
        { item_id: suspensions[5], error: `poisoned item ${suspensions[5]}` },
      ]);
      const expected = (ids: string[], poisoned: string, open: string, done: string) =>
        [...ids].sort().map((id) => (id === poisoned ? open : done));
      expect(await statuses('appeals', appeals)).toEqual(
        expected(appeals, appeals[1], 'submitted', 'decided'),
      );
      // the poisoned appeal's suspension stays active with it: its savepoint undid the whole item
      expect(await statuses('suspensions', suspensions.slice(0, 4))).toEqual(
        expected(suspensions.slice(0, 4), suspensions[1], 'active', 'lifted'),
      );
      expect(await statuses('suspensions', suspensions.slice(4))).toEqual(
        expected(suspensions.slice(4), suspensions[5], 'active', 'lifted'),
      );
      const completed = await m.query(
        `SELECT 1 FROM audit_events WHERE action = 'wave.bulk_decision_completed' AND entity_id = $1`,
        [waveId],
      );
      expect(completed).toHaveLength(1);
    } finally {
      for (const u of undo) await u();
    }
  });

  it('skips rows another transaction holds, waits while only they are left, then decides them', async () => {
    const { waveId, suspensions, appeals } = await waveWithAppeals('held', 4, 4);
    const jobId = await overturn(waveId, false);
    const holder = await m.owner.connect();
    try {
      // a reviewer deciding one appeal; a notice recording another's suspension
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM appeals WHERE id = $1 FOR UPDATE', [appeals[0]]);
      await holder.query('SELECT 1 FROM suspensions WHERE id = $1 FOR UPDATE', [suspensions[1]]);
      expect((await run.runChunk(jobId)).outcome).toBe('progressed');
      expect(await job(jobId)).toEqual({ state: 'running', total: 4, processed: 2, failed: 0 });
      expect((await run.runChunk(jobId)).outcome).toBe('waiting');
      expect((await run.runChunk(jobId)).outcome).toBe('waiting');
      await holder.query('COMMIT');
    } finally {
      holder.release();
    }
    expect((await run.runChunk(jobId)).outcome).toBe('progressed');
    expect((await run.runChunk(jobId)).outcome).toBe('finished');
    expect(await job(jobId)).toEqual({ state: 'completed', total: 4, processed: 4, failed: 0 });
    expect(await statuses('appeals', appeals)).toEqual(['decided', 'decided', 'decided', 'decided']);
  });
});
