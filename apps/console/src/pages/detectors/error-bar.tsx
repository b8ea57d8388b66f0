import type { DetectorVersion, RateInterval } from '../../api/types';
import { formatPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** Where a rate sits on the bar's 0–`scale` axis, in percent of its width. */
const at = (rate: number, scale: number) => `${Math.min(100, (rate / scale) * 100)}%`;

/**
 * A 95 % interval drawn as an error bar on a 0–`scale` axis; the numbers are its text, so a screen
 * reader reads the interval, not the drawing.
 */
export function ErrorBar({ interval, scale }: { interval: RateInterval | null; scale: number }) {
  const { t, lang } = useI18n();
  if (!interval) return <span className="muted">—</span>;
  const label = t('detectors.interval', {
    estimate: formatPercent(interval.estimate, lang),
    low: formatPercent(interval.low, lang),
    high: formatPercent(interval.high, lang),
  });
  return (
    <span className="error-bar">
      <span className="error-bar-axis" aria-hidden="true">
        <span
          className="error-bar-range"
          style={{
            left: at(interval.low, scale),
            width: `calc(${at(interval.high, scale)} - ${at(interval.low, scale)})`,
          }}
        />
        {interval.estimate !== null && (
          <span className="error-bar-point" style={{ left: at(interval.estimate, scale) }} />
        )}
      </span>
      <span className="small">{label}</span>
    </span>
  );
}

/** The axis every bar of the table shares: 0 to the highest upper limit, rounded up to a tenth. */
export function axisScale(versions: DetectorVersion[]): number {
  const highest = Math.max(0, ...versions.map((v) => v.falsePositiveRate.high));
  return Math.min(1, Math.ceil((highest + 0.0001) * 10) / 10);
}
