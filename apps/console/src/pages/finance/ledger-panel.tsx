import { ok } from '@redress/sdk';
import { useState, type FormEvent } from 'react';
import type { Book, Ledger } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { ErrorNotice, Loading } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';
import { navigate, useLocation } from '../../router/router';

export function LedgerPanel() {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const { search } = useLocation();
  const accountId = search.get('accountId') ?? '';
  const [draft, setDraft] = useState(accountId);
  const [older, setOlder] = useState<Ledger['data']>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  // an empty field means every account: no accountId at all, not an empty one
  const page = (after?: string) =>
    ok(
      api.GET('/v1/ledger', {
        params: { query: { accountId: accountId || undefined, limit: 50, cursor: after } },
      }),
    );
  const ledger = useLoad(async () => {
    const first = await page();
    setOlder([]);
    setCursor(first.nextCursor ?? undefined);
    return first;
  }, [api, accountId]);
  const more = async () => {
    const next = await page(cursor);
    setOlder((o) => [...o, ...next.data]);
    setCursor(next.nextCursor ?? undefined);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/finance/ledger${draft.trim() ? `?accountId=${encodeURIComponent(draft.trim())}` : ''}`, {
      replace: true,
    });
  };
  const book = (b: Book) => t(`book.${b}` as StringKey);
  const entries = [...(ledger.data?.data ?? []), ...older];
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('ledger.title')}</h2>
      <form className="field inline" onSubmit={submit}>
        <label htmlFor="ledger-account">{t('ledger.account')}</label>
        <input
          id="ledger-account"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('ledger.allAccounts')}
        />
        <button type="submit" className="primary">
          {t('ledger.show')}
        </button>
      </form>
      <ErrorNotice error={ledger.error} />
      {ledger.loading && !ledger.data && <Loading />}
      {ledger.data && (
        <>
          <h3>{accountId ? t('ledger.balancesOf', { account: accountId }) : t('ledger.totals')}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('ledger.book')}</th>
                  <th scope="col">{t('ledger.currency')}</th>
                  <th scope="col" className="num">
                    {t('ledger.balance')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ledger.data.balances.map((b) => (
                  <tr key={`${b.book}-${b.currency}-${b.accountId ?? ''}`}>
                    <th scope="row">{book(b.book)}</th>
                    <td>{b.currency}</td>
                    <td className="num">
                      {formatMoney({ amountMinor: b.amountMinor, currency: b.currency }, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('ledger.entries')}</h3>
          <div className="table-wrap">
            <table className="ledger">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('ledger.when')}</th>
                  <th scope="col">{t('ledger.kind')}</th>
                  <th scope="col">{t('ledger.legs')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{entry.seq}</td>
                    <td>{formatDateTime(entry.createdAt, lang)}</td>
                    <td>{t(`entry.${entry.kind}` as StringKey)}</td>
                    <td>
                      <ul className="legs">
                        {entry.legs.map((leg, i) => (
                          <li key={i}>
                            {book(leg.book)}
                            {leg.accountId ? ` (${leg.accountId})` : ''}:{' '}
                            <span className={leg.amountMinor < 0 ? 'negative' : 'positive'}>
                              {formatMoney({ amountMinor: leg.amountMinor, currency: entry.currency }, lang)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {cursor && (
            <button type="button" onClick={() => void more()}>
              {t('common.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
