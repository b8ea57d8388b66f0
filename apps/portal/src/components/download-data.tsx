import { ok } from '@redress/sdk';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { problemText } from '../api/problem-text';
import { useI18n } from '../i18n/i18n';
import { Notice } from './notice';

/** GET /v1/me/export saved as a JSON file: the person's copy of everything Redress holds about them. */
export function DownloadData() {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      const data = await ok(api.GET('/v1/me/export'));
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `redress-data-${data.accountId}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="data-title" class="card">
      <h2 id="data-title">{t('data.title')}</h2>
      <p>{t('data.intro')}</p>
      {error !== null && <Notice kind="error">{problemText(error, t)}</Notice>}
      <button type="button" class="secondary" disabled={busy} onClick={download}>
        {t('data.download')}
      </button>
    </section>
  );
}
