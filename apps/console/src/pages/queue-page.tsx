import { APPEAL_STATUSES } from '@libs/appeals/domain/appeal-state-machine';
import { REASON_CODES } from '@redress/kernel';
import { ifMatch, ok, type operations } from '@redress/sdk';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isConflict } from '../api/problem-text';
import type { QueuedAppeal, Wave } from '../api/types';
import { useSignedIn } from '../auth/session-context';
import { StatusBadge } from '../components/badges';
import { SampleBadge } from '../components/sample-badge';
import { ErrorNotice, Loading, Notice } from '../components/notice';
import { SlaCountdown } from '../components/sla-countdown';
import { useLoad, useNow } from '../components/use-load';
import { takeFlash } from '../components/flash';
import { ShortcutHelp } from '../components/shortcut-help';
import { useKeys } from '../components/use-keys';
import { GLOBAL_KEYS, QUEUE_KEYS, ariaKeys } from '../domain/keyboard-map';
import { caseActionsFor } from '../domain/case-actions';
import { formatDateTime, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings.en';
import { Link, navigate, useLocation } from '../router/router';

const FILTERS = ['status', 'level', 'reasonCode', 'waveId', 'assignee', 'slaBreached', 'sort'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Partial<Record<Filter, string>>;

function filtersOf(search: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.flatMap((f) => (search.get(f) ? [[f, search.get(f)!]] : [])));
}

/** Which row was selected, so that coming back from a case finds it where it was left. */
const SELECTED_KEY = 'redress.console.queue.selected';
const POLL_MS = 20_000;

type QueueQuery = NonNullable<operations['listReviewQueue']['parameters']['query']>;

/** The address's filters as the queue route types them (the form's values go out as the same text). */
function queueQuery({ status, level, reasonCode, slaBreached, sort, ...ids }: Filters): QueueQuery {
  return {
    ...ids,
    sort: sort as QueueQuery['sort'],
    status: status as QueueQuery['status'],
    level: level === undefined ? undefined : (Number(level) as QueueQuery['level']),
    reasonCode: reasonCode as QueueQuery['reasonCode'],
    slaBreached: slaBreached === undefined ? undefined : slaBreached === 'true',
  };
}

function FilterForm({ initial, waves }: { initial: Filters; waves: Wave[] }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(initial);
  const [assigneeMode, setAssigneeMode] = useState(
    !initial.assignee
      ? ''
      : initial.assignee === 'me' || initial.assignee === 'none'
        ? initial.assignee
        : 'id',
  );
  const set = (filter: Filter, value: string) => setDraft((d) => ({ ...d, [filter]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const f of FILTERS) if (draft[f]) params.set(f, draft[f]!);
    navigate(`/queue${params.size ? `?${params}` : ''}`, { replace: true });
  };
  const reset = () => {
    setDraft({});
    setAssigneeMode('');
    navigate('/queue', { replace: true });
  };
  return (
    <form className="filters" onSubmit={apply} aria-label={t('queue.filters')}>
      <div className="field">
        <label htmlFor="f-status">{t('queue.status')}</label>
        <select id="f-status" value={draft.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t('queue.allOpen')}</option>
          {APPEAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`appealStatus.${s}` as StringKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-level">{t('queue.level')}</label>
        <select id="f-level" value={draft.level ?? ''} onChange={(e) => set('level', e.target.value)}>
          <option value="">{t('common.any')}</option>
          <option value="1">{t('queue.level1')}</option>
          <option value="2">{t('queue.level2')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-reason">{t('queue.reasonCode')}</label>
        <select
          id="f-reason"
          value={draft.reasonCode ?? ''}
          onChange={(e) => set('reasonCode', e.target.value)}
        >
          <option value="">{t('common.any')}</option>
          {REASON_CODES.map((r) => (
            <option key={r} value={r}>
              {t(`reason.${r}` as StringKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-wave">{t('queue.wave')}</label>
        <select id="f-wave" value={draft.waveId ?? ''} onChange={(e) => set('waveId', e.target.value)}>
          <option value="">{t('common.any')}</option>
          {waves.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-assignee">{t('queue.assignee')}</label>
        <select
          id="f-assignee"
          value={assigneeMode}
          onChange={(e) => {
            setAssigneeMode(e.target.value);
            set('assignee', e.target.value === 'id' ? '' : e.target.value);
          }}
        >
          <option value="">{t('common.any')}</option>
          <option value="me">{t('queue.assigneeMe')}</option>
          <option value="none">{t('queue.assigneeNone')}</option>
          <option value="id">{t('queue.assigneeId')}</option>
        </select>
      </div>
      {assigneeMode === 'id' && (
        <div className="field">
          <label htmlFor="f-assignee-id">{t('queue.assigneeIdLabel')}</label>
          <input
            id="f-assignee-id"
            value={draft.assignee ?? ''}
            onChange={(e) => set('assignee', e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="f-sla">{t('queue.sla')}</label>
        <select
          id="f-sla"
          value={draft.slaBreached ?? ''}
          onChange={(e) => set('slaBreached', e.target.value)}
        >
          <option value="">{t('common.any')}</option>
          <option value="true">{t('queue.slaBreachedOnly')}</option>
          <option value="false">{t('queue.slaWithin')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-sort">{t('queue.sort')}</label>
        <select id="f-sort" value={draft.sort ?? ''} onChange={(e) => set('sort', e.target.value)}>
          <option value="">{t('queue.sortPriority')}</option>
          <option value="decisionDueAt">{t('queue.sortDue')}</option>
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit" className="primary">
          {t('queue.apply')}
        </button>
        <button type="button" onClick={reset}>
          {t('queue.reset')}
        </button>
      </div>
    </form>
  );
}

export function QueuePage() {
  const { t, lang } = useI18n();
  const { api, session } = useSignedIn();
  const { search } = useLocation();
  const filters = filtersOf(search);
  const key = JSON.stringify(filters);
  const now = useNow();
  const [rows, setRows] = useState<QueuedAppeal[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  // -1: nothing selected yet, so the first `j` selects the first row
  const [selected, setSelected] = useState(-1);
  const [message, setMessage] = useState<string | undefined>(takeFlash);
  const [help, setHelp] = useState(false);
  const [fresh, setFresh] = useState(0);
  const loadedAt = useRef(new Date());
  const [actionError, setActionError] = useState<unknown>();
  const links = useRef<(HTMLAnchorElement | null)[]>([]);

  const waves = useLoad(() => ok(api.GET('/v1/waves', { params: { query: { limit: 200 } } })), [api]);
  const page = (after?: string) =>
    ok(
      api.GET('/v1/review/queue', {
        params: { query: { ...queueQuery(filters), limit: 50, cursor: after } },
      }),
    );
  const first = useLoad(() => page(), [api, key]);
  useEffect(() => {
    if (!first.data) return;
    setRows(first.data.data);
    setCursor(first.data.nextCursor);
    setFresh(0);
    loadedAt.current = new Date();
    // back from a case: the selection is where it was left
    const kept = first.data.data.findIndex((a) => a.id === sessionStorage.getItem(SELECTED_KEY));
    setSelected(kept);
    if (kept >= 0) requestAnimationFrame(() => links.current[kept]?.focus());
  }, [first.data]);

  // "N new cases": the first page is looked at every POLL_MS; the list itself changes only when asked
  useEffect(() => {
    const timer = setInterval(() => {
      void page()
        .then((latest) => {
          const shown = new Set(rows.map((r) => r.id));
          setFresh(
            latest.data.filter((a) => !shown.has(a.id) && new Date(a.submittedAt) > loadedAt.current).length,
          );
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [rows, key, api]);

  const more = async () => {
    if (!cursor) return;
    try {
      const next = await page(cursor);
      setRows((r) => [...r, ...next.data]);
      setCursor(next.nextCursor);
    } catch (e) {
      setActionError(e);
    }
  };

  const next = async () => {
    setMessage(undefined);
    setActionError(undefined);
    try {
      const taken = await ok(api.POST('/v1/review/next'));
      if (!taken) setMessage(t('queue.nothingToTake'));
      else navigate(`/cases/${taken.id}`);
    } catch (e) {
      setActionError(e);
    }
  };

  const claim = async (appeal: QueuedAppeal) => {
    setMessage(undefined);
    setActionError(undefined);
    try {
      await ok(
        api.POST('/v1/appeals/{id}/claim', { params: { path: { id: appeal.id } }, headers: ifMatch(appeal) }),
      );
      navigate(`/cases/${appeal.id}`);
    } catch (e) {
      setActionError(e);
      if (isConflict(e)) await first.reload();
    }
  };

  const select = (to: number) => {
    setSelected(to);
    if (rows[to]) sessionStorage.setItem(SELECTED_KEY, rows[to].id);
  };
  const move = (delta: number) => {
    if (rows.length === 0) return;
    const to = Math.min(rows.length - 1, Math.max(0, selected + delta));
    select(to);
    links.current[to]?.focus();
  };
  const current = rows[selected];
  const canClaim = (appeal?: QueuedAppeal) =>
    !!appeal && caseActionsFor(appeal, session.actor, now).includes('claim');
  useKeys(QUEUE_KEYS, {
    down: () => move(1),
    up: () => move(-1),
    open_row: () => {
      if (current) navigate(`/cases/${current.id}`);
    },
    claim: () => {
      if (canClaim(current)) void claim(current);
    },
    next: () => void next(),
    help: () => setHelp(true),
  });

  return (
    <section aria-labelledby="queue-title">
      <div className="page-head">
        <h1 id="queue-title">{t('queue.title')}</h1>
        <div className="actions-inline">
          <button type="button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            {t('keys.open')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void next()}
            aria-keyshortcuts={ariaKeys(QUEUE_KEYS, 'next')}
          >
            {t('queue.next')}
          </button>
        </div>
      </div>
      <p className="muted shortcut-hint">{t('queue.shortcuts')}</p>
      {help && <ShortcutHelp maps={[QUEUE_KEYS, GLOBAL_KEYS]} onClose={() => setHelp(false)} />}
      <div aria-live="polite">
        {fresh > 0 && (
          <button type="button" className="fresh" onClick={() => void first.reload()}>
            {t('queue.newCases', { n: fresh })}
          </button>
        )}
      </div>
      <FilterForm key={key} initial={filters} waves={waves.data?.data ?? []} />
      {message && <Notice>{message}</Notice>}
      <ErrorNotice error={actionError ?? first.error} />
      {first.loading && rows.length === 0 ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Notice>{t('queue.empty')}</Notice>
      ) : (
        <div className="table-wrap">
          <table className="queue">
            <caption className="visually-hidden">{t('queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.priority')}</th>
                <th scope="col">{t('queue.case')}</th>
                <th scope="col">{t('queue.status')}</th>
                <th scope="col">{t('queue.reasonCode')}</th>
                <th scope="col">{t('case.language')}</th>
                <th scope="col">{t('case.frozen')}</th>
                <th scope="col">{t('queue.submitted')}</th>
                <th scope="col">{t('queue.slaColumn')}</th>
                <th scope="col">{t('queue.assignee')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((appeal, i) => (
                <tr
                  key={appeal.id}
                  className={[i === selected ? 'selected' : '', appeal.slaBreached ? 'breached' : ''].join(
                    ' ',
                  )}
                  aria-current={i === selected ? 'true' : undefined}
                  onClick={() => select(i)}
                >
                  <td data-label={t('queue.priority')}>
                    <span className="priority" title={t('queue.priorityHelp')}>
                      {appeal.priority}
                    </span>
                  </td>
                  <td>
                    <Link
                      to={`/cases/${appeal.id}`}
                      ref={(el) => {
                        links.current[i] = el;
                      }}
                      onFocus={() => select(i)}
                    >
                      {appeal.accountId}
                    </Link>
                    <div className="muted small">
                      {t('queue.levelShort', { level: appeal.level })} · {appeal.id.slice(0, 8)}
                    </div>
                  </td>
                  <td data-label={t('queue.status')}>
                    <StatusBadge status={appeal.status} /> <SampleBadge origin={appeal.origin} />
                  </td>
                  <td data-label={t('queue.reasonCode')}>{t(`reason.${appeal.reasonCode}` as StringKey)}</td>
                  <td data-label={t('case.language')} lang={appeal.locale}>
                    {t(`locale.${appeal.locale}` as StringKey)}
                  </td>
                  <td data-label={t('case.frozen')} className="num">
                    {formatMoney(appeal.frozenBalance, lang)}
                  </td>
                  <td data-label={t('queue.submitted')}>{formatDateTime(appeal.submittedAt, lang)}</td>
                  <td data-label={t('queue.slaColumn')}>
                    <SlaCountdown appeal={appeal} now={now} />
                  </td>
                  <td data-label={t('queue.assignee')}>
                    {appeal.assigneeId === session.actor.sub
                      ? t('queue.you')
                      : (appeal.assigneeId ?? <span className="muted">{t('queue.unassigned')}</span>)}
                  </td>
                  <td>
                    {canClaim(appeal) && (
                      <button type="button" onClick={() => void claim(appeal)} aria-keyshortcuts="c">
                        {t('action.claim')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" onClick={() => void more()}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
