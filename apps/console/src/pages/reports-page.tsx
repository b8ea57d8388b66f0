import { ok } from '@redress/sdk';
import { useState, type FormEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fileFrom, periodFileName, saveBlob } from '../api/download';
import type { TransparencyReport } from '../api/types';
import { useSignedIn } from '../auth/session-context';
import { ChartFigure } from '../components/chart-figure';
import { ErrorNotice, Loading } from '../components/notice';
import { useLoad } from '../components/use-load';
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings.en';
import { navigate, useLocation } from '../router/router';
import { daysAgo, isoDay } from './finance/reconciliation-panel';
import { PALETTE } from './waves/wave-charts';

const OUTCOME_COLORS: Record<string, string> = {
  upheld: PALETTE.upheld,
  overturned: PALETTE.overturned,
  modified: PALETTE.modified,
};

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function ReportsPage() {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const { search } = useLocation();
  const from = search.get('from') ?? isoDay(daysAgo(30));
  const to = search.get('to') ?? isoDay(daysAgo(-1));
  const [draft, setDraft] = useState({ from, to });
  const [csvError, setCsvError] = useState<unknown>();
  const report = useLoad(
    // without format=csv the route answers JSON (the CSV is the download below)
    () =>
      ok(
        api.GET('/v1/reports/transparency', { params: { query: { from, to } } }),
      ) as Promise<TransparencyReport>,
    [api, from, to],
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/reports?from=${draft.from}&to=${draft.to}`, { replace: true });
  };
  const csv = async () => {
    setCsvError(undefined);
    try {
      // named by the console: the period in the name, so several downloads stay apart
      const { blob } = await fileFrom(
        api.GET('/v1/reports/transparency', {
          params: { query: { from, to, format: 'csv' } },
          parseAs: 'blob',
        }),
        '',
      );
      saveBlob(blob, periodFileName('transparency', from, to));
    } catch (e) {
      setCsvError(e);
    }
  };
  const r = report.data;
  const reasons = r
    ? Object.entries(r.appealsReceived.byReasonCode).map(([code, n]) => ({
        label: t(`reason.${code}` as StringKey),
        n,
      }))
    : [];
  const outcomes = r
    ? Object.entries(r.decisions.byOutcome).map(([o, n]) => ({
        key: o,
        label: t(`outcome.${o}` as StringKey),
        n,
      }))
    : [];
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <form className="filters" onSubmit={apply}>
        <div className="field">
          <label htmlFor="rep-from">{t('period.from')}</label>
          <input
            id="rep-from"
            type="date"
            required
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="rep-to">{t('period.toExclusive')}</label>
          <input
            id="rep-to"
            type="date"
            required
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('reports.show')}
          </button>
          <button type="button" onClick={() => void csv()}>
            {t('reports.csv')}
          </button>
        </div>
      </form>
      <ErrorNotice error={report.error ?? csvError} />
      {report.loading && !r && <Loading />}
      {r && (
        <>
          <p className="muted small">
            {t('reports.period', {
              from: formatDateTime(r.period.from, lang),
              to: formatDateTime(r.period.to, lang),
            })}
          </p>
          <dl className="figures">
            <Figure
              label={t('reports.appealsReceived')}
              value={formatNumber(r.appealsReceived.total, lang)}
            />
            <Figure label={t('reports.decisions')} value={formatNumber(r.decisions.total, lang)} />
            <Figure label={t('reports.reversalRate')} value={formatPercent(r.decisions.reversalRate, lang)} />
            <Figure
              label={t('reports.medianHours')}
              value={formatNumber(r.decisions.medianHoursToDecision, lang, 1)}
            />
            <Figure
              label={t('reports.p90Hours')}
              value={formatNumber(r.decisions.p90HoursToDecision, lang, 1)}
            />
            <Figure label={t('reports.slaBreaches')} value={formatNumber(r.slaBreaches, lang)} />
            <Figure label={t('reports.suspensions')} value={formatNumber(r.suspensions.total, lang)} />
            <Figure
              label={t('reports.automatedDetection')}
              value={formatPercent(r.suspensions.automatedDetectionShare, lang)}
            />
            <Figure
              label={t('reports.automatedDecision')}
              value={formatPercent(r.suspensions.automatedDecisionShare, lang)}
            />
            <Figure
              label={t('reports.refundsPaid')}
              value={
                r.refundsPaid.byCurrency.length === 0
                  ? '0'
                  : r.refundsPaid.byCurrency
                      .map((c) => `${c.count} · ${formatMoney(c.amount, lang)}`)
                      .join(', ')
              }
            />
          </dl>
          <div className="grid-2">
            <ChartFigure
              title={t('reports.byReason')}
              columns={[t('queue.reasonCode'), t('wave.count')]}
              rows={reasons.map((x) => ({ label: x.label, values: [x.n] }))}
            >
              <ResponsiveContainer width="100%" height={280}>
                <BarChart data={reasons} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Bar dataKey="n" name={t('wave.count')} fill={PALETTE.filed} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartFigure>
            <ChartFigure
              title={t('reports.byOutcome')}
              columns={[t('case.outcome'), t('wave.count')]}
              rows={outcomes.map((x) => ({ label: x.label, values: [x.n] }))}
            >
              <ResponsiveContainer width="100%" height={280}>
                <BarChart data={outcomes} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar dataKey="n" name={t('wave.count')} isAnimationActive={false}>
                    {outcomes.map((o) => (
                      <Cell key={o.key} fill={OUTCOME_COLORS[o.key] ?? PALETTE.open} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartFigure>
          </div>
          <h2>{t('reports.waves')}</h2>
          {r.waves.length === 0 ? (
            <p className="muted">{t('reports.noWaves')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('waves.name')}</th>
                    <th scope="col" className="num">
                      {t('waves.suspensions')}
                    </th>
                    <th scope="col" className="num">
                      {t('waves.filed')}
                    </th>
                    <th scope="col" className="num">
                      {t('waves.decided')}
                    </th>
                    <th scope="col" className="num">
                      {t('waves.overturned')}
                    </th>
                    <th scope="col" className="num">
                      {t('waves.overturnRate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.waves.map((w) => (
                    <tr key={w.waveId}>
                      <th scope="row">{w.name}</th>
                      <td className="num">{w.suspensions}</td>
                      <td className="num">{w.appeals}</td>
                      <td className="num">{w.decided}</td>
                      <td className="num">{w.overturned}</td>
                      <td className="num">{formatPercent(w.overturnRate, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
