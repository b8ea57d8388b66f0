import { ok, RedressProblem } from '@redress/sdk';
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { collect } from '../../api/collect';
import { problemText } from '../../api/problem-text';
import { Notice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_FILES,
  EVIDENCE_TYPES,
} from '../../domain/evidence-rules';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { Lang } from '../../i18n/locale';
import { retryable, useEvidenceUploads, type Upload } from './evidence-uploads';

function uploadError(upload: Upload, t: Translate, lang: Lang): string {
  const limits = {
    max: formatBytes(EVIDENCE_MAX_BYTES, lang),
    types: EVIDENCE_TYPES.map((x) => x.label).join(', '),
  };
  const error = upload.error;
  if (error === 'too_large') return t('evidence.tooLarge', limits);
  if (error === 'wrong_type') return t('evidence.wrongType', limits);
  if (error instanceof RedressProblem && error.status === 413) return t('evidence.tooLarge', limits);
  if (error instanceof RedressProblem && error.status === 415) return t('evidence.wrongType', limits);
  if (error instanceof RedressProblem && error.code === 'evidence_limit_reached')
    return t('evidence.limitReached', { n: EVIDENCE_MAX_FILES });
  return problemText(error, t);
}

/** The files sent with the appeal, and a place to add more while it is open: drop them or pick them. */
export function EvidencePanel({ appealId, open }: { appealId: string; open: boolean }) {
  const { lang, t } = useI18n();
  const stored = useLoad(
    () =>
      collect((cursor) =>
        ok(api.GET('/v1/appeals/{id}/evidence', { params: { path: { id: appealId }, query: { cursor } } })),
      ),
    [appealId],
  );
  const { uploads, add, retry } = useEvidenceUploads(appealId, stored.reload);
  const [dragging, setDragging] = useState(false);
  const types = EVIDENCE_TYPES.map((x) => x.label).join(', ');

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    add([...(event.dataTransfer?.files ?? [])]);
  }

  return (
    <section aria-labelledby="evidence-title" class="card">
      <h2 id="evidence-title">{t('evidence.title')}</h2>
      {stored.error !== undefined && <Notice kind="error">{problemText(stored.error, t)}</Notice>}
      {stored.data && stored.data.length === 0 && <p>{t('evidence.none')}</p>}
      {stored.data && stored.data.length > 0 && (
        <ul class="plain files">
          {stored.data.map((e) => (
            <li key={e.id}>
              <strong>{e.fileName}</strong> · {formatBytes(e.sizeBytes, lang)} ·{' '}
              {formatDateTime(e.createdAt, lang)}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <>
          <p class="hint" id="evidence-rules">
            {t('evidence.rules', {
              types,
              max: formatBytes(EVIDENCE_MAX_BYTES, lang),
              n: EVIDENCE_MAX_FILES,
            })}
          </p>
          <div
            class={`drop-zone${dragging ? ' dragging' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
          >
            <label for="evidence-files">{t('evidence.pick')}</label>
            <input
              id="evidence-files"
              type="file"
              multiple
              accept={EVIDENCE_ACCEPT}
              aria-describedby="evidence-rules"
              onChange={(event) => {
                add([...(event.currentTarget.files ?? [])]);
                event.currentTarget.value = '';
              }}
            />
            <p aria-hidden="true">{t('evidence.drop')}</p>
          </div>
        </>
      )}
      {uploads.length > 0 && (
        <ul class="plain uploads" aria-label={t('evidence.uploads')}>
          {uploads.map((u) => (
            <li key={u.id} class={`upload upload-${u.state}`}>
              <p>
                <strong>{u.file.name}</strong> · {formatBytes(u.file.size, lang)}
              </p>
              <progress
                max={1}
                value={u.progress}
                aria-label={t('evidence.progress', { name: u.file.name })}
              />
              <p role={u.state === 'failed' ? 'alert' : 'status'}>
                {u.state === 'uploading' && t('evidence.uploading')}
                {u.state === 'uploading' && <span aria-hidden="true"> {Math.round(u.progress * 100)} %</span>}
                {u.state === 'done' && t('evidence.done')}
                {u.state === 'failed' && uploadError(u, t, lang)}
              </p>
              {u.state === 'failed' && retryable(u) && (
                <button type="button" class="secondary" onClick={() => retry(u)}>
                  {t('evidence.retry', { name: u.file.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
