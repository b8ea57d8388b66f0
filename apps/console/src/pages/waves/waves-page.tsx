import { ok } from '@redress/sdk';
import { useState } from 'react';
import type { Wave } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { FlaggedBadge } from '../../components/badges';
import { ErrorNotice, Loading, Notice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatDate, formatMoney, formatPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';

export function WavesPage() {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const [cursor, setCursor] = useState<string | undefined>();
  const [earlier, setEarlier] = useState<Wave[]>([]);
  const page = useLoad(
    () => ok(api.GET('/v1/waves', { params: { query: { limit: 50, cursor } } })),
    [api, cursor],
  );
  const waves = [...earlier, ...(page.data?.data ?? [])];
  return (
    <section aria-labelledby="waves-title">
      <h1 id="waves-title">{t('waves.title')}</h1>
      <p className="muted">{t('waves.intro')}</p>
      <ErrorNotice error={page.error} />
      {page.loading && waves.length === 0 && <Loading />}
      {page.data && waves.length === 0 && <Notice>{t('waves.empty')}</Notice>}
      {waves.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('waves.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('waves.name')}</th>
                <th scope="col">{t('waves.detector')}</th>
                <th scope="col">{t('waves.created')}</th>
                <th scope="col" className="num">
                  {t('waves.suspensions')}
                </th>
                <th scope="col" className="num">
                  {t('waves.filed')}
                </th>
                <th scope="col" className="num">
                  {t('waves.open')}
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
                <th scope="col">{t('waves.refundsPaid')}</th>
              </tr>
            </thead>
            <tbody>
              {waves.map((w) => (
                <tr key={w.id} className={w.flagged ? 'flagged' : undefined}>
                  <th scope="row">
                    <Link to={`/waves/${w.id}`}>{w.name}</Link> {w.flagged && <FlaggedBadge />}
                  </th>
                  <td>{w.detector}</td>
                  <td>{formatDate(w.createdAt, lang)}</td>
                  <td className="num">{w.statistics.suspensions}</td>
                  <td className="num">{w.statistics.appealsFiled}</td>
                  <td className="num">{w.statistics.appealsOpen}</td>
                  <td className="num">{w.statistics.appealsDecided}</td>
                  <td className="num">{w.statistics.overturned}</td>
                  <td className="num">{formatPercent(w.statistics.overturnRate, lang)}</td>
                  <td>
                    {w.statistics.refundsPaid.length === 0
                      ? '—'
                      : w.statistics.refundsPaid
                          .map(
                            (r) =>
                              `${r.count} · ${formatMoney({ amountMinor: r.amountMinor, currency: r.currency }, lang)}`,
                          )
                          .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.data?.nextCursor && (
        <button
          type="button"
          onClick={() => {
            setEarlier(waves);
            setCursor(page.data!.nextCursor!);
          }}
        >
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
