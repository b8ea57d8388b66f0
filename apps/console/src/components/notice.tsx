import type { ReactNode } from 'react';
import { explainProblem } from '../api/problem-text';
import { useI18n } from '../i18n/i18n';

/** An error in plain words, announced to screen readers as it appears. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {explainProblem(error, t)}
    </p>
  );
}

export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'success' | 'warning';
}) {
  return (
    <p className={`notice notice-${tone}`} role="status">
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}
