import { useEffect, useState } from 'preact/hooks';
import { exchangeAccessLink } from '../api/access-links';
import { Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { BASE, linkProps, navigate } from '../router';
import { takeReturnTo } from '../session/return-to';
import { startSession } from '../session/session';

/**
 * Where the e-mailed link lands: /appeal/access#<token>. The token is in the fragment so it never
 * reaches a server log; it is taken out of the address at once, exchanged, and the person goes on
 * signed in.
 */
export function AccessPage() {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const token = decodeURIComponent(location.hash.slice(1));
    history.replaceState(null, '', `${BASE}/access`);
    if (!token) {
      setFailed(true);
      return;
    }
    exchangeAccessLink(token).then(
      (session) => {
        startSession(session);
        navigate(takeReturnTo() ?? `${BASE}/`, { replace: true });
      },
      () => setFailed(true),
    );
  }, []);
  if (!failed) return <PageHeading>{t('access.signingIn')}</PageHeading>;
  return (
    <>
      <PageHeading>{t('access.failedTitle')}</PageHeading>
      <Notice kind="error">{t('access.failed')}</Notice>
      <p>
        <a {...linkProps(`${BASE}/`)}>{t('access.askAgain')}</a>
      </p>
    </>
  );
}
