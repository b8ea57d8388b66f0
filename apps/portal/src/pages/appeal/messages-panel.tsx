import { ok } from '@redress/sdk';
import { useState } from 'preact/hooks';
import { api, type Appeal, type Message } from '../../api/client';
import { collect } from '../../api/collect';
import { problemText } from '../../api/problem-text';
import { Notice } from '../../components/notice';
import { TextCounter } from '../../components/text-counter';
import { useLoad } from '../../components/use-load';
import { MESSAGE_MAX, lengthState, trimText } from '../../domain/visible-length';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { clearDraft, readDraft, saveDraft } from '../../session/drafts';

const STAFF = ['reviewer', 'senior_reviewer'];

/** The reviewer's question awaiting an answer: their latest message while the appeal waits for the person. */
export function openQuestion(appeal: Appeal, messages: Message[]): Message | null {
  if (appeal.status !== 'awaiting_appellant') return null;
  return [...messages].reverse().find((m) => STAFF.includes(m.authorRole)) ?? null;
}

/** The thread with the reviewers: their questions (with the date an answer is due) and the person's replies. */
export function MessagesPanel({ appeal, onSent }: { appeal: Appeal; onSent: () => void }) {
  const { lang, t } = useI18n();
  const thread = useLoad(
    () =>
      collect((cursor) =>
        ok(api.GET('/v1/appeals/{id}/messages', { params: { path: { id: appeal.id }, query: { cursor } } })),
      ),
    [appeal.id, appeal.version],
  );
  const draftKey = `reply.${appeal.id}`;
  const [reply, setReply] = useState(() => readDraft(draftKey));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const messages = thread.data ?? [];
  const question = openQuestion(appeal, messages);
  const canWrite = !['decided', 'withdrawn'].includes(appeal.status);

  async function send(event: Event) {
    event.preventDefault();
    if (lengthState(reply, 1, MESSAGE_MAX) !== 'ok') return;
    setBusy(true);
    setError(null);
    try {
      await ok(
        api.POST('/v1/appeals/{id}/messages', {
          params: { path: { id: appeal.id } },
          body: { body: trimText(reply) },
        }),
      );
      setReply('');
      clearDraft(draftKey);
      onSent();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="messages-title" class="card">
      <h2 id="messages-title">{t('messages.title')}</h2>
      {question && (
        <Notice kind="info">{t('messages.questionDue', { date: formatDate(appeal.infoDueAt, lang) })}</Notice>
      )}
      {thread.error !== undefined && <Notice kind="error">{problemText(thread.error, t)}</Notice>}
      {messages.length === 0 && !thread.loading && <p>{t('messages.none')}</p>}
      <ol class="thread">
        {messages.map((m) => (
          <li key={m.id} class={`message message-${m.authorRole}${m === question ? ' message-open' : ''}`}>
            <p class="message-meta">
              <strong>{t(`author.${m.authorRole}`)}</strong> ·{' '}
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
              {m === question && ` · ${t('messages.answerBy', { date: formatDate(appeal.infoDueAt, lang) })}`}
            </p>
            <p class="prose">{m.body}</p>
          </li>
        ))}
      </ol>
      {canWrite && (
        <form onSubmit={send}>
          <label for="reply">{question ? t('messages.answer') : t('messages.write')}</label>
          <textarea
            id="reply"
            rows={5}
            value={reply}
            aria-describedby="reply-count"
            onInput={(event) => {
              setReply(event.currentTarget.value);
              saveDraft(draftKey, event.currentTarget.value);
            }}
          />
          <TextCounter id="reply-count" text={reply} min={1} max={MESSAGE_MAX} />
          {error !== null && <Notice kind="error">{problemText(error, t)}</Notice>}
          <button type="submit" disabled={busy || lengthState(reply, 1, MESSAGE_MAX) !== 'ok'}>
            {t('messages.send')}
          </button>
        </form>
      )}
    </section>
  );
}
