import { ok } from '@redress/sdk';
import type { AuditEvent } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { ErrorNotice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatDateTime } from '../../i18n/format';
import { useI18n, type Translate } from '../../i18n/i18n';
import { en, type StringKey } from '../../i18n/strings.en';

/**
 * An audit event as a sentence in the reader's language ("rev_ada decided: Overturned."); an action
 * the dictionary does not know yet still reads, with its machine name.
 */
export function historySentence(event: AuditEvent, t: Translate): string {
  const key = `history.${event.action}` as StringKey;
  const data = event.data as Record<string, unknown>;
  const vars = {
    who: event.actor.sub === 'system' ? t('history.system') : event.actor.sub,
    outcome: typeof data.outcome === 'string' ? t(`outcome.${data.outcome}` as StringKey) : '',
  };
  return key in en ? t(key, vars) : t('history.other', { ...vars, action: event.action });
}

/** The appeal's audit events, oldest first, each a sentence; ids and hashes behind "details". */
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
            <p className="history-sentence">{historySentence(event, t)}</p>
            <details className="small">
              <summary>{t('history.details')}</summary>
              <dl className="kv">
                <div>
                  <dt>{t('history.action')}</dt>
                  <dd>
                    <code>{event.action}</code>
                  </dd>
                </div>
                {Object.entries(event.data as Record<string, unknown>).map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>
                      <code>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</code>
                    </dd>
                  </div>
                ))}
                <div>
                  <dt>{t('history.hash')}</dt>
                  <dd>
                    <code>{event.hash}</code>
                  </dd>
                </div>
              </dl>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
