import { useEffect } from 'preact/hooks';
import { problemText } from '../api/problem-text';
import { DownloadData } from '../components/download-data';
import { Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useSuspensions } from '../components/use-suspensions';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { BASE, linkProps } from '../router';

/** Every suspension of the account, newest first, each leading to its own page. */
export function SuspensionsPage() {
  const { lang, t, suggest } = useI18n();
  const { data, error, loading } = useSuspensions();
  const first = data?.[0];
  useEffect(() => {
    if (first) suggest(first.locale);
  }, [first, suggest]);
  return (
    <>
      <PageHeading>{t('suspensions.title')}</PageHeading>
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {error !== undefined && <Notice kind="error">{problemText(error, t)}</Notice>}
      {data && data.length === 0 && <p>{t('suspensions.none')}</p>}
      {data && data.length > 0 && (
        <ul class="cards">
          {data.map((s) => (
            <li key={s.id} class="card">
              <h2>
                <a {...linkProps(`${BASE}/suspensions/${s.id}`)}>{t(`reason.${s.reasonCode}`)}</a>
              </h2>
              <p>
                {t('suspensions.summary', {
                  date: formatDate(s.suspendedAt, lang),
                  status: t(`suspensionStatus.${s.status}`),
                })}
              </p>
              <p>{s.appealable ? t('suspensions.appealable') : t('suspensions.notAppealable')}</p>
            </li>
          ))}
        </ul>
      )}
      <DownloadData />
    </>
  );
}
