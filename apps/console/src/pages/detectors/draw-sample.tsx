import { sampleSizeForWidth } from '@libs/detectors/domain/estimator';
import { ok } from '@redress/sdk';
import { useState, type FormEvent } from 'react';
import type { DetectorVersion } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { ErrorNotice, Notice } from '../../components/notice';
import { useI18n } from '../../i18n/i18n';

/** The interval widths offered (high − low), in percentage points. */
export const WIDTHS = [20, 10, 6, 4] as const;
const MAX_SIZE = 1000;

/**
 * How many sample cases give an interval about `width` points wide for this version: around its
 * current estimate (the silent's, else the overall one, else 25 %), from the people nobody appealed.
 */
export function sizeFor(version: DetectorVersion, width: number): number {
  const expected = version.sample.falsePositiveRate?.estimate ?? version.falsePositiveRate.estimate ?? 0.25;
  const eligible = Math.max(1, version.sample.silent - version.sample.opened);
  return Math.max(1, Math.min(MAX_SIZE, sampleSizeForWidth(width / 100, expected, eligible)));
}

/** "Draw a sample": the size follows from the width of interval chosen; the draw opens that many sample cases. */
export function DrawSample({ version, onDrawn }: { version: DetectorVersion; onDrawn: () => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [width, setWidth] = useState<number>(10);
  const [error, setError] = useState<unknown>();
  const [opened, setOpened] = useState<number>();
  const size = sizeFor(version, width);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const drawn = await ok(
        api.POST('/v1/detectors/{name}/samples', {
          params: { path: { name: version.name } },
          body: { size, version: version.version },
        }),
      );
      setOpened(drawn.opened);
      onDrawn();
    } catch (e) {
      setError(e);
    }
  };
  const id = `draw-${version.name}-${version.version}`;
  return (
    <form
      className="draw-sample"
      onSubmit={submit}
      aria-label={t('detectors.drawFor', { version: version.version })}
    >
      <label htmlFor={id}>{t('detectors.width')}</label>
      <select id={id} value={width} onChange={(e) => setWidth(Number(e.target.value))}>
        {WIDTHS.map((w) => (
          <option key={w} value={w}>
            {t('detectors.widthOption', { points: w })}
          </option>
        ))}
      </select>
      <button type="submit">{t('detectors.draw', { size })}</button>
      {opened !== undefined && <Notice tone="success">{t('detectors.drawn', { n: opened })}</Notice>}
      <ErrorNotice error={error} />
    </form>
  );
}
