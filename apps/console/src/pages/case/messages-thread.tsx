import { everyItem, ok } from '@redress/sdk';
import { useState, type FormEvent } from 'react';
import type { Message } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { ErrorNotice } from '../../components/notice';
import { useDraft } from '../../components/use-draft';
import { useLoad } from '../../components/use-load';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings.en';

/** The thread with the appellant; internal notes are marked in words and set apart, never only by colour. */
export function MessagesThread({
  appealId,
  canPost,
  onPosted,
  draftOwner,
}: {
  appealId: string;
  canPost: boolean;
  onPosted: () => void;
  /** whose draft the unsent text is, kept per case (use-draft.ts) */
  draftOwner: string;
}) {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const messages = useLoad(async () => {
    const all: Message[] = [];
    for await (const message of everyItem((cursor) =>
      ok(
        api.GET('/v1/appeals/{id}/messages', {
          params: { path: { id: appealId }, query: { limit: 200, cursor } },
        }),
      ),
    )) {
      all.push(message);
      if (all.length >= 1000) break;
    }
    return all;
  }, [api, appealId]);
  const [body, setBody, clearBody] = useDraft(draftOwner, appealId, 'message');
  const [internal, setInternal] = useState(true);
  const [error, setError] = useState<unknown>();
  const post = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await ok(
        api.POST('/v1/appeals/{id}/messages', {
          params: { path: { id: appealId } },
          body: { body, internal },
        }),
      );
      clearBody();
      await messages.reload();
      onPosted();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('case.messages')}</h2>
      <ErrorNotice error={messages.error} />
      {messages.data?.length === 0 && <p className="muted">{t('case.noMessages')}</p>}
      <ol className="thread">
        {messages.data?.map((m) => (
          <li
            key={m.id}
            className={`message ${m.internal ? 'message-internal' : ''} message-${m.authorRole}`}
          >
            <div className="message-meta">
              <strong>{t(`author.${m.authorRole}` as StringKey)}</strong>
              {m.authorId && <span className="muted"> {m.authorId}</span>}
              {m.internal && <span className="badge badge-internal">{t('case.internalNote')}</span>}
              <time dateTime={m.createdAt} className="muted small">
                {formatDateTime(m.createdAt, lang)}
              </time>
            </div>
            <p className="message-body">{m.body}</p>
          </li>
        ))}
      </ol>
      {canPost && (
        <form onSubmit={post} className="action-form">
          <label htmlFor="message-body">{internal ? t('case.newInternalNote') : t('case.newMessage')}</label>
          <textarea
            id="message-body"
            rows={3}
            maxLength={5000}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <label className="check">
            <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            {t('case.internalCheckbox')}
          </label>
          <ErrorNotice error={error} />
          <button type="submit" disabled={!body.trim()}>
            {internal ? t('case.addNote') : t('case.sendToAppellant')}
          </button>
        </form>
      )}
    </section>
  );
}
