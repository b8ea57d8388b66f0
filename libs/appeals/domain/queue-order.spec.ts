import { compareInQueue } from './queue-order';

const at = (iso: string) => new Date(iso);
const appeal = (id: string, priority: number, slaBreached: boolean, submitted: string, due: string) => ({
  id,
  priority,
  slaBreached,
  submittedAt: at(submitted),
  decisionDueAt: at(due),
});

describe('queue order', () => {
  const older = appeal(
    '00000000-0000-4000-8000-000000000001',
    47,
    false,
    '2026-11-01T00:00:00Z',
    '2026-11-15T00:00:00Z',
  );
  const breached = appeal(
    '00000000-0000-4000-8000-000000000002',
    40,
    true,
    '2026-11-02T00:00:00Z',
    '2026-11-03T00:00:00Z',
  );
  const higherBand = appeal(
    '00000000-0000-4000-8000-000000000003',
    50,
    false,
    '2026-11-03T00:00:00Z',
    '2026-11-20T00:00:00Z',
  );
  const lowerBand = appeal(
    '00000000-0000-4000-8000-000000000004',
    39,
    true,
    '2026-10-01T00:00:00Z',
    '2026-10-02T00:00:00Z',
  );

  it('puts a band’s breached cases above its others, bands highest first', () => {
    const sorted = [lowerBand, older, breached, higherBand].sort((a, b) => compareInQueue('priority', a, b));
    expect(sorted.map((a) => a.priority)).toEqual([50, 40, 47, 39]);
  });

  it('by due date: the decision due first', () => {
    const sorted = [older, breached, higherBand, lowerBand].sort((a, b) =>
      compareInQueue('decisionDueAt', a, b),
    );
    expect(sorted).toEqual([lowerBand, breached, older, higherBand]);
  });
});
