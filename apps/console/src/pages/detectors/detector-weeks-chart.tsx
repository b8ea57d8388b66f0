import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DetectorVersion } from '../../api/types';
import { ChartFigure } from '../../components/chart-figure';
import { useI18n } from '../../i18n/i18n';
import { PALETTE } from '../waves/wave-charts';

/** A version's suspensions per week, with the appeals, sample reviews and reversals among them. */
export function DetectorWeeksChart({ version }: { version: DetectorVersion }) {
  const { t } = useI18n();
  const rows = version.weekly.map((w) => ({ ...w, week: w.weekStart.slice(0, 10) }));
  const series = [
    { key: 'suspensions', label: t('detectors.suspensions'), color: PALETTE.open },
    { key: 'appealsFiled', label: t('waves.filed'), color: PALETTE.filed },
    { key: 'appealsOverturned', label: t('detectors.appealsOverturned'), color: PALETTE.overturned },
    { key: 'samplesReviewed', label: t('detectors.samplesReviewed'), color: PALETTE.modified },
    { key: 'samplesOverturned', label: t('detectors.samplesOverturned'), color: PALETTE.upheld },
  ] as const;
  return (
    <ChartFigure
      title={t('detectors.weeklyChart', { detector: `${version.name} ${version.version}` })}
      columns={[t('detectors.week'), ...series.map((s) => s.label)]}
      rows={rows.map((r) => ({ label: r.week, values: series.map((s) => r[s.key]) }))}
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
