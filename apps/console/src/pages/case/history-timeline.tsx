import { ok } from '@redress/sdk';
import type { AuditEvent } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { ErrorNotice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

const MAX_VALUE = 40;

/** The event's plain facts on one line; hashes and ids are cut short (the audit log has them whole). */
function summary(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => {
      const text = String(v);
      return `${k}: ${text.length > MAX_VALUE ? `${text.slice(0, 12)}…` : text}`;
    })
    .join(' · ');
}

/** The appeal's audit events, oldest first, as the hash-chained log records them. */
export function HistoryTimeline({ appealId, version }: { appealId: string; version: number }) {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const history = useLoad(
    () =>
      ok(api.GET('/v1/appeals/{id}/history', { params: { path: { id: appealId } } })) as Promise<
        AuditEvent[]
      >,
    [api, appealId, version],
  );
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('case.history')}</h2>
      <ErrorNotice error={history.error} />
      <ol className="timeline">
        {history.data?.map((event) => (
          <li key={event.seq}>
            <time dateTime={event.at} className="muted small">
              {formatDateTime(event.at, lang)}
            </time>
            <div>
              <strong>{event.action}</strong>{' '}
              <span className="muted">{t('case.by', { who: event.actor.sub })}</span>
            </div>
            {summary(event.data) && <div className="small">{summary(event.data)}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
