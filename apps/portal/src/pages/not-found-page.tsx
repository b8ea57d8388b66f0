import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { BASE, linkProps } from '../router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>
        <a {...linkProps(`${BASE}/`)}>{t('notFound.home')}</a>
      </p>
    </>
  );
}
