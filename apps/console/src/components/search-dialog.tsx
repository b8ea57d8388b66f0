import { ok, type components } from '@redress/sdk';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSignedIn } from '../auth/session-context';
import { allows } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings.en';
import { navigate } from '../router/router';
import { ErrorNotice, Notice } from './notice';

type Hit = components['schemas']['SearchHitResponse'];

/** Where a hit opens: its case for those who may open cases, else its account or wave. */
export function hitTarget(hit: Hit, canOpenCases: boolean): string | null {
  if (hit.kind === 'wave') return `/waves/${hit.id}`;
  if (canOpenCases && hit.appealId) return `/cases/${hit.appealId}`;
  return hit.accountId ? `/accounts/${encodeURIComponent(hit.accountId)}` : null;
}

/** Ctrl-K or `/`: paste any id or reference and jump to it (`GET /v1/search`). */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { api, session } = useSignedIn();
  const dialog = useRef<HTMLDialogElement>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState<unknown>();
  const canOpenCases = allows(session, 'appeal.read_any');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const open = (hit: Hit) => {
    const to = hitTarget(hit, canOpenCases);
    if (!to) return;
    dialog.current?.close();
    navigate(to);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const found = (await ok(api.GET('/v1/search', { params: { query: { q: q.trim(), limit: 20 } } }))).data;
      setHits(found);
      if (found.length === 1) open(found[0]);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="search-title" onClose={onClose}>
      <h2 id="search-title">{t('search.title')}</h2>
      <form onSubmit={(e) => void submit(e)} role="search">
        <label htmlFor="search-q">{t('search.label')}</label>
        <input
          id="search-q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
          required
          maxLength={255}
        />
        <p className="muted small">{t('search.help')}</p>
        <button type="submit" className="primary">
          {t('search.submit')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {hits?.length === 0 && <Notice>{t('search.none')}</Notice>}
      {hits && hits.length > 1 && (
        <ul className="hits" aria-label={t('search.results')}>
          {hits.map((hit) => (
            <li key={`${hit.kind}-${hit.id}`}>
              <button type="button" onClick={() => open(hit)} disabled={!hitTarget(hit, canOpenCases)}>
                {t(`search.kind.${hit.kind}` as StringKey)}: {hit.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form method="dialog">
        <button type="submit">{t('common.close')}</button>
      </form>
    </dialog>
  );
}
