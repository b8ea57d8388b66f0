import { useEffect } from 'preact/hooks';
import { problemText } from '../api/problem-text';
import { Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { SuspensionFacts } from '../components/suspension-facts';
import { useLoad } from '../components/use-load';
import { useI18n } from '../i18n/i18n';
import { BASE, linkProps } from '../router';
import { AppealPanel } from './appeal/appeal-panel';
import { FileAppealForm } from './appeal/file-appeal-form';
import { loadSuspensionCase } from './suspension-data';

/** One suspension: why, and the appeal — to file, or as it stands now. */
export function SuspensionPage({ id }: { id: string }) {
  const { t, suggest } = useI18n();
  const { data, error, loading, reload } = useLoad(() => loadSuspensionCase(id), [id]);
  const locale = data?.suspension.locale;
  useEffect(() => {
    if (locale) suggest(locale);
  }, [locale, suggest]);

  const back = (
    <p>
      <a {...linkProps(`${BASE}/`)}>{t('suspension.back')}</a>
    </p>
  );
  if (data === null)
    return (
      <>
        <PageHeading>{t('notFound.title')}</PageHeading>
        <Notice kind="error">{t('problem.not_found')}</Notice>
        {back}
      </>
    );
  return (
    <>
      {back}
      <PageHeading>{t('suspension.title')}</PageHeading>
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {error !== undefined && <Notice kind="error">{problemText(error, t)}</Notice>}
      {data && (
        <>
          <section aria-labelledby="facts-title" class="card">
            <h2 id="facts-title">{t('suspension.factsTitle')}</h2>
            <SuspensionFacts suspension={data.suspension} />
          </section>
          {data.appeal ? (
            <AppealPanel case={data} reload={reload} />
          ) : data.suspension.appealable ? (
            <FileAppealForm suspensionId={id} onFiled={reload} />
          ) : (
            <Notice kind="info">{t('suspension.cannotAppeal')}</Notice>
          )}
        </>
      )}
    </>
  );
}
