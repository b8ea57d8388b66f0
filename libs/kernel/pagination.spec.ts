import { decodeCursor, encodeCursor, type CursorPart } from './pagination';

const ID = '0b7f2c1e-8f4a-4c6e-9a37-2f1d5e6c7b80';
const QUEUE: CursorPart[] = [{ min: 0, max: 100 }, 'timestamp', 'uuid'];
const decodes = (key: unknown[], shape: readonly CursorPart[] = QUEUE) => {
  try {
    return decodeCursor(encodeCursor(key as (string | number)[]), shape) !== undefined;
  } catch {
    return false;
  }
};

describe('decodeCursor', () => {
  it('takes the cursors the lists hand out', () => {
    expect(decodes([70, '2026-02-28T23:59:59.999Z', ID])).toBe(true);
    expect(decodes([0, '2024-02-29 10:00:00.123456+00', ID])).toBe(true);
    expect(decodes([100, '0001-01-01 00:00:00+05:30', ID])).toBe(true);
    expect(decodes([2 ** 40], ['number'])).toBe(true);
    expect(decodes(['Ask for invoices', ID], ['text', 'uuid'])).toBe(true);
  });

  it('refuses text that is no string or longer than 1,000 characters', () => {
    expect(decodes([42, ID], ['text', 'uuid'])).toBe(false);
    expect(decodes(['x'.repeat(1001), ID], ['text', 'uuid'])).toBe(false);
  });

  it.each([
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T23:59:60Z',
    '2026-01-01 00:00:00+16',
    '2026-01-01 00:00:00+05:60',
    '2026-01-01',
  ])('refuses the impossible timestamp %s with 400 validation_failed', (at) => {
    expect(() => decodeCursor(encodeCursor([50, at, ID]), QUEUE)).toThrow(
      expect.objectContaining({ code: 'validation_failed', status: 400 }),
    );
  });

  it.each([-1, 101, 2 ** 40, 1.5, '50'])('refuses the priority %p outside 0–100', (priority) => {
    expect(decodes([priority, '2026-01-01T00:00:00Z', ID])).toBe(false);
  });
});
