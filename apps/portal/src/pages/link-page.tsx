import { useState } from 'preact/hooks';
import { requestAccessLink } from '../api/access-links';
import { problemText } from '../api/problem-text';
import { Notice } from '../components/notice';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n/i18n';
import { BASE } from '../router';
import { rememberReturnTo } from '../session/return-to';
import { takeEndReason } from '../session/session';

/** Defaults of ACCESS_LINK_TTL_MINUTES and ACCESS_SESSION_HOURS, which the page tells people. */
const LINK_MINUTES = 30;
const SESSION_HOURS = 12;

/**
 * The way in for someone who cannot sign in to the platform: their notice's e-mail address, and a
 * one-time link by e-mail. The answer is the same for every address, and the page says so.
 */
export function LinkPage({ suspensionId }: { suspensionId?: string }) {
  const { t } = useI18n();
  const [ended] = useState(takeEndReason);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await requestAccessLink(email.trim(), suspensionId);
      if (suspensionId) rememberReturnTo(`${BASE}/suspensions/${suspensionId}`);
      setSentTo(email.trim());
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('link.title')}</PageHeading>
      <p class="lead">{t('link.intro')}</p>
      {ended === 'expired' && <Notice kind="info">{t('link.expired')}</Notice>}
      {ended === 'signed_out' && <Notice kind="info">{t('link.signedOut')}</Notice>}
      <section aria-labelledby="link-form-title" class="card">
        <h2 id="link-form-title">{t('link.formTitle')}</h2>
        {sentTo ? (
          <>
            <Notice kind="success">{t('link.sent', { email: sentTo })}</Notice>
            <button type="button" class="secondary" onClick={() => setSentTo(null)}>
              {t('link.again')}
            </button>
          </>
        ) : (
          <form onSubmit={submit}>
            <label for="email">{t('link.email')}</label>
            <p class="hint" id="email-hint">
              {t('link.emailHint')}
            </p>
            <input
              id="email"
              type="email"
              name="email"
              autocomplete="email"
              required
              aria-describedby="email-hint"
              value={email}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
            {error !== null && <Notice kind="error">{problemText(error, t)}</Notice>}
            <button type="submit" disabled={busy}>
              {t('link.send')}
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="link-next-title">
        <h2 id="link-next-title">{t('link.nextTitle')}</h2>
        <ul class="steps">
          <li>{t('link.next1')}</li>
          <li>{t('link.next2', { minutes: LINK_MINUTES })}</li>
          <li>{t('link.next3', { hours: SESSION_HOURS })}</li>
          <li>{t('link.next4')}</li>
        </ul>
      </section>
    </>
  );
}
