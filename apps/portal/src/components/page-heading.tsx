import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';

/**
 * The page's h1, focused when the page changes so that keyboard and screen-reader users start there,
 * and the document title kept in step with it.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${t('app.title')}`;
  }, [children, t]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
