import { useState, type FormEvent } from 'react';
import { fileFrom, periodFileName, saveBlob } from '../../api/download';
import { useSignedIn } from '../../auth/session-context';
import { ErrorNotice, Notice } from '../../components/notice';
import { useI18n } from '../../i18n/i18n';

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
export const daysAgo = (days: number, from = new Date()): Date =>
  new Date(from.getTime() - days * 86_400_000);

/** Refunds paid in [from, to) as CSV; the server streams it, the browser saves it. */
export function ReconciliationPanel() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [from, setFrom] = useState(isoDay(daysAgo(30)));
  const [to, setTo] = useState(isoDay(daysAgo(-1)));
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    try {
      const fileName = periodFileName('reconciliation', from, to);
      const { blob } = await fileFrom(
        api.GET('/v1/finance/reconciliation.csv', { params: { query: { from, to } }, parseAs: 'blob' }),
        fileName,
      );
      saveBlob(blob, fileName);
      setSaved(fileName);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="recon-title">
      <h2 id="recon-title">{t('recon.title')}</h2>
      <p className="muted">{t('recon.help')}</p>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="recon-from">{t('period.from')}</label>
          <input
            id="recon-from"
            type="date"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="recon-to">{t('period.toExclusive')}</label>
          <input id="recon-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('recon.download')}
          </button>
        </div>
      </form>
      <ErrorNotice error={error} />
      {saved && <Notice tone="success">{t('recon.saved', { file: saved })}</Notice>}
    </section>
  );
}
