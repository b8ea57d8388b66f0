import type { Actor } from '@redress/kernel';
import { CreateSuspensionUseCase, type NewSuspension } from '@redress/suspensions';
import { suspensionRequest } from '@redress/testing/builders';
import { ReportsModule } from '@redress/reports';
import { startModule, type MediumModule } from '@redress/testing/medium-module';
import { STATEMENT } from '@redress/testing/story';
import { AppealsModule } from '../appeals.module';
import { FileAppealUseCase } from '../application/file-appeal.use-case';
import type { Appeal } from '../domain/appeal';
import { AppealRepository } from './appeal.repository';

const ENFORCER: Actor = { sub: 'enforcer_1', roles: ['enforcement'] };

/** update() writes only the columns it is given, one prepared statement per set of columns. */
describe('AppealRepository.update', () => {
  let m: MediumModule;
  let appeals: AppealRepository;

  beforeAll(async () => {
    // ReportsModule: creating a suspension publishes its statement of reasons
    m = await startModule('appeal-repository', [AppealsModule, ReportsModule]);
    appeals = m.get(AppealRepository);
  });
  afterAll(() => m.close());

  async function fileAppeal(): Promise<Appeal> {
    const request = suspensionRequest() as unknown as NewSuspension;
    const { suspension } = await m.get(CreateSuspensionUseCase).execute(ENFORCER, request);
    return m
      .get(FileAppealUseCase)
      .execute(
        { sub: suspension.accountId, roles: ['appellant'] },
        { suspensionId: suspension.id, statement: STATEMENT, requestedRemedy: 'reinstate' },
      );
  }

  /** What changed between two reads of an appeal, besides the version and updatedAt. */
  const changed = (before: Appeal, after: Appeal) =>
    Object.fromEntries(
      Object.entries(after).filter(
        ([key, value]) =>
          !['version', 'updatedAt'].includes(key) &&
          JSON.stringify(value) !== JSON.stringify(before[key as keyof Appeal]),
      ),
    );

  it('sets only the given columns, bumps the version, and answers the row as stored', async () => {
    const filed = await fileAppeal();
    const updated = await m.uow.run((tx) => appeals.update(tx, filed.id, { priority: 7 }));
    expect(changed(filed, updated)).toEqual({ priority: 7 });
    expect(updated.version).toBe(filed.version + 1);
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(filed.updatedAt.getTime());
    const [stored] = await m.query<{ priority: number; version: number }>(
      'SELECT priority, version FROM appeals WHERE id = $1',
      [filed.id],
    );
    expect(stored).toEqual({ priority: 7, version: filed.version + 1 });
  });

  it('writes a decision as its four columns, and clears them with decision: null', async () => {
    const filed = await fileAppeal();
    const decidedAt = new Date('2026-11-02T10:00:00.000Z');
    const decision = {
      outcome: 'overturned' as const,
      rationale: 'Proxy range',
      decidedBy: 'rev_1',
      decidedAt,
    };
    await m.uow.run(async (tx) => {
      const decided = await appeals.update(tx, filed.id, { status: 'decided', decision });
      expect(changed(filed, decided)).toEqual({ status: 'decided', decision });
      const reopened = await appeals.update(tx, filed.id, {
        status: 'in_review',
        level: 2,
        assigneeId: 'sen_1',
        decision: null,
        slaBreached: false,
      });
      expect(changed(filed, reopened)).toEqual({ status: 'in_review', level: 2, assigneeId: 'sen_1' });
      expect(reopened.version).toBe(filed.version + 2);
    });
    const [row] = await m.query(
      'SELECT decision_outcome, decision_rationale, decided_by, decided_at FROM appeals WHERE id = $1',
      [filed.id],
    );
    expect(row).toEqual({
      decision_outcome: null,
      decision_rationale: null,
      decided_by: null,
      decided_at: null,
    });
  });

  it('runs different sets of columns, and the same set again, on one connection', async () => {
    const filed = await fileAppeal();
    const infoDueAt = new Date('2026-11-09T10:00:00.000Z');
    const last = await m.uow.run(async (tx) => {
      await appeals.update(tx, filed.id, { status: 'in_review', assigneeId: 'rev_1' });
      await appeals.update(tx, filed.id, {
        status: 'awaiting_appellant',
        infoDueAt,
        clockPausedAt: infoDueAt,
      });
      await appeals.update(tx, filed.id, { priority: 90 });
      return appeals.update(tx, filed.id, { priority: 91 });
    });
    expect(changed(filed, last)).toEqual({
      status: 'awaiting_appellant',
      assigneeId: 'rev_1',
      infoDueAt,
      clockPausedAt: infoDueAt,
      priority: 91,
    });
    expect(last.version).toBe(filed.version + 4);
  });
});
