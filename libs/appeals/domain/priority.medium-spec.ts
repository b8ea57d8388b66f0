import { startModule, type MediumModule } from '@redress/testing/medium-module';
import fc from 'fast-check';
import { computePriority, PRIORITY_FROZEN_CAP_MINOR, type PriorityInput } from './priority';

/**
 * The priority is computed twice: here when an appeal changes, and by the SQL function appeal_priority
 * when a wave's flag flips (AppealRepository.reprioritiseOpenOfWave). Both must give every input the same value.
 */
describe('priority: computePriority and SQL appeal_priority agree', () => {
  let db: MediumModule;

  beforeAll(async () => {
    db = await startModule('priority', []);
  });
  afterAll(() => db.close());

  /** appeal_priority of each input, in one statement. */
  async function inSql(inputs: PriorityInput[]): Promise<number[]> {
    const rows = await db.query<{ p: number }>(
      `SELECT appeal_priority(t.automated, t.breached, t.frozen, t.flagged) AS p
         FROM unnest($1::boolean[], $2::boolean[], $3::bigint[], $4::boolean[])
              WITH ORDINALITY AS t(automated, breached, frozen, flagged, i)
        ORDER BY t.i`,
      [
        inputs.map((x) => x.automatedDecision),
        inputs.map((x) => x.slaBreached),
        inputs.map((x) => String(x.frozenAmountMinor)),
        inputs.map((x) => x.flagged),
      ],
    );
    return rows.map((r) => Number(r.p));
  }

  const withFlags = (amounts: number[]): PriorityInput[] =>
    amounts.flatMap((frozenAmountMinor) =>
      [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => ({
        automatedDecision: (bits & 1) !== 0,
        slaBreached: (bits & 2) !== 0,
        flagged: (bits & 4) !== 0,
        frozenAmountMinor,
      })),
    );

  async function expectAgreement(inputs: PriorityInput[]) {
    const sql = await inSql(inputs);
    const disagreements = inputs
      .map((input, i) => ({ input, ts: computePriority(input), sql: sql[i] }))
      .filter((r) => r.ts !== r.sql);
    expect(disagreements).toEqual([]);
  }

  it('on a grid: every 250 minor units up to the cap, each rounding boundary ±1, and beyond', async () => {
    const cap = PRIORITY_FROZEN_CAP_MINOR;
    const steps = Array.from({ length: cap / 250 + 1 }, (_, i) => i * 250);
    // 20 × share is x.5 at 2,500 + 5,000·k: the half-way points where rounding could differ
    const halves = Array.from({ length: 20 }, (_, k) => 2_500 + 5_000 * k).flatMap((x) => [x - 1, x, x + 1]);
    const edges = [-1_000_000_000_000, -1, 0, 1, cap - 1, cap, cap + 1, 5_000_000, 1_000_000_000_000];
    await expectAgreement(withFlags([...steps, ...halves, ...edges]));
  });

  it('for any amount a suspension can freeze (property)', async () => {
    const input = fc.record({
      automatedDecision: fc.boolean(),
      slaBreached: fc.boolean(),
      flagged: fc.boolean(),
      frozenAmountMinor: fc.oneof(
        fc.integer({ min: 0, max: PRIORITY_FROZEN_CAP_MINOR * 2 }),
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
      ),
    });
    await fc.assert(fc.asyncProperty(fc.array(input, { minLength: 1, maxLength: 200 }), expectAgreement), {
      numRuns: 25,
    });
  });
});
