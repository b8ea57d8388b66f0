import { ok } from '@redress/sdk';
import { useEffect, useState } from 'react';
import { fileFrom, saveBlob } from '../../api/download';
import type { Evidence } from '../../api/types';
import { useSignedIn } from '../../auth/session-context';
import { ErrorNotice } from '../../components/notice';
import { useLoad } from '../../components/use-load';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

type Preview =
  { id: string; kind: 'image' | 'pdf'; url: string } | { id: string; kind: 'text'; text: string };

const TEXT_TYPES = ['text/plain', 'text/csv', 'application/json'];
const MAX_TEXT_PREVIEW = 200_000;

/**
 * Downloads carry the bearer header, so files are fetched as blobs: images and PDFs are shown through
 * object URLs (revoked when replaced or when the page goes), text is shown as text, never as HTML.
 */
export function EvidenceList({ appealId }: { appealId: string }) {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const evidence = useLoad(
    () =>
      ok(api.GET('/v1/appeals/{id}/evidence', { params: { path: { id: appealId }, query: { limit: 50 } } })),
    [api, appealId],
  );
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>();
  useEffect(
    () => () => {
      if (preview && preview.kind !== 'text') URL.revokeObjectURL(preview.url);
    },
    [preview],
  );
  const fetchFile = (item: Evidence) =>
    fileFrom(
      api.GET('/v1/evidence/{id}/content', { params: { path: { id: item.id } }, parseAs: 'blob' }),
      item.fileName,
    );
  const show = async (item: Evidence) => {
    setError(undefined);
    if (preview?.id === item.id) return setPreview(null);
    try {
      const { blob } = await fetchFile(item);
      if (TEXT_TYPES.includes(item.contentType)) {
        const text = await blob.slice(0, MAX_TEXT_PREVIEW).text();
        setPreview({ id: item.id, kind: 'text', text });
      } else {
        const typed = new Blob([blob], { type: item.contentType });
        setPreview({
          id: item.id,
          kind: item.contentType === 'application/pdf' ? 'pdf' : 'image',
          url: URL.createObjectURL(typed),
        });
      }
    } catch (e) {
      setError(e);
    }
  };
  const download = async (item: Evidence) => {
    setError(undefined);
    try {
      const { blob, fileName } = await fetchFile(item);
      saveBlob(blob, fileName);
    } catch (e) {
      setError(e);
    }
  };
  const items = evidence.data?.data ?? [];
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('case.evidence')}</h2>
      <ErrorNotice error={evidence.error ?? error} />
      {evidence.data && items.length === 0 && <p className="muted">{t('case.noEvidence')}</p>}
      <ul className="evidence">
        {items.map((item) => (
          <li key={item.id}>
            <div className="evidence-row">
              <div>
                <strong>{item.fileName}</strong>
                {item.internal && <span className="badge badge-internal">{t('case.internalFile')}</span>}
                <div className="muted small">
                  {item.contentType} · {formatBytes(item.sizeBytes, lang)} ·{' '}
                  {formatDateTime(item.createdAt, lang)}
                </div>
                {item.description && <div>{item.description}</div>}
              </div>
              <div className="actions-inline">
                <button type="button" onClick={() => void show(item)} aria-expanded={preview?.id === item.id}>
                  {preview?.id === item.id ? t('case.hidePreview') : t('case.preview')}
                </button>
                <button type="button" onClick={() => void download(item)}>
                  {t('common.download')}
                </button>
              </div>
            </div>
            {preview?.id === item.id && (
              <div className="preview">
                {preview.kind === 'image' && (
                  <img src={preview.url} alt={t('case.previewOf', { name: item.fileName })} />
                )}
                {preview.kind === 'pdf' && (
                  <iframe src={preview.url} title={t('case.previewOf', { name: item.fileName })} />
                )}
                {preview.kind === 'text' && (
                  <pre tabIndex={0} aria-label={t('case.previewOf', { name: item.fileName })}>
                    {preview.text}
                  </pre>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
