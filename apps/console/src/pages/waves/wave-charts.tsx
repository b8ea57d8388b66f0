import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ok, type RedressClient } from '@redress/sdk';
import type { StaffAppeal, Wave } from '../../api/types';
import { ChartFigure } from '../../components/chart-figure';
import { useI18n } from '../../i18n/i18n';

export const PALETTE = {
  filed: '#1d4ed8',
  upheld: '#92400e',
  overturned: '#047857',
  modified: '#6d28d9',
  open: '#475569',
};

/** Appeals and outcomes of a wave as they stand, straight from its statistics. */
export function WaveOutcomeChart({ wave }: { wave: Wave }) {
  const { t } = useI18n();
  const s = wave.statistics;
  const rows = [
    { label: t('waves.suspensions'), value: s.suspensions },
    { label: t('waves.filed'), value: s.appealsFiled },
    { label: t('waves.open'), value: s.appealsOpen },
    { label: t('waves.decided'), value: s.appealsDecided },
    { label: t('waves.overturned'), value: s.overturned },
  ];
  return (
    <ChartFigure
      title={t('wave.outcomeChart')}
      columns={[t('wave.figure'), t('wave.count')]}
      rows={rows.map((r) => ({ label: r.label, values: [r.value] }))}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="value" name={t('wave.count')} fill={PALETTE.filed} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export interface DayRow {
  day: string;
  filed: number;
  upheld: number;
  overturned: number;
  modified: number;
}

const SAMPLE_LIMIT = 1000;

/**
 * Appeals filed and decided per day. The API has no time series for a wave, so this reads the wave's
 * appeals through the review queue (every status, up to SAMPLE_LIMIT of them) and counts by day;
 * `complete` says whether every appeal was read. The appeals themselves are the wave page's list.
 */
export async function loadWaveDays(
  api: RedressClient,
  waveId: string,
): Promise<{ days: DayRow[]; read: number; complete: boolean; appeals: StaffAppeal[] }> {
  const appeals: StaffAppeal[] = [];
  let complete = true;
  for (const status of [undefined, 'decided', 'withdrawn'] as const) {
    let cursor: string | undefined;
    do {
      const page = await ok(
        api.GET('/v1/review/queue', { params: { query: { waveId, status, limit: 200, cursor } } }),
      );
      appeals.push(...page.data);
      cursor = page.nextCursor ?? undefined;
      if (appeals.length >= SAMPLE_LIMIT && cursor) {
        complete = false;
        cursor = undefined;
      }
    } while (cursor);
    if (!complete) break;
  }
  const byDay = new Map<string, DayRow>();
  const row = (iso: string) => {
    const day = iso.slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, { day, filed: 0, upheld: 0, overturned: 0, modified: 0 });
    return byDay.get(day)!;
  };
  for (const a of appeals) {
    row(a.submittedAt).filed++;
    if (a.decision) row(a.decision.decidedAt)[a.decision.outcome]++;
  }
  return {
    days: [...byDay.values()].sort((x, y) => x.day.localeCompare(y.day)),
    read: appeals.length,
    complete,
    appeals,
  };
}

export function WaveTimelineChart({
  days,
  read,
  complete,
}: {
  days: DayRow[];
  read: number;
  complete: boolean;
}) {
  const { t } = useI18n();
  const note = complete ? t('wave.timelineAll', { n: read }) : t('wave.timelineSample', { n: read });
  const series = [
    { key: 'filed', label: t('wave.filedPerDay'), color: PALETTE.filed },
    { key: 'overturned', label: t('outcome.overturned'), color: PALETTE.overturned },
    { key: 'modified', label: t('outcome.modified'), color: PALETTE.modified },
    { key: 'upheld', label: t('outcome.upheld'), color: PALETTE.upheld },
  ] as const;
  return (
    <ChartFigure
      title={t('wave.timelineChart')}
      note={note}
      columns={[t('wave.day'), ...series.map((s) => s.label)]}
      rows={days.map((d) => ({ label: d.day, values: series.map((s) => d[s.key]) }))}
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={days} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
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
