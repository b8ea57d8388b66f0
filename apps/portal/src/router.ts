import { useEffect, useState } from 'preact/hooks';

/** The page's routes under /appeal (the API answers index.html for every one of them). */
export type Route =
  { name: 'home' } | { name: 'access' } | { name: 'suspension'; id: string } | { name: 'not_found' };

export const BASE = '/appeal';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === BASE || path === `${BASE}/index.html`) return { name: 'home' };
  if (path === `${BASE}/access`) return { name: 'access' };
  const suspension = new RegExp(`^${BASE}/suspensions/([0-9a-fA-F-]{36})$`).exec(path);
  if (suspension) return { name: 'suspension', id: suspension[1].toLowerCase() };
  return { name: 'not_found' };
}

const listeners = new Set<() => void>();

/** In-page navigation (history.pushState): no reload, so the session and drafts in memory stay. */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** A same-page link: a real href (open in a new tab works), handled without a reload on a plain click. */
export function linkProps(path: string) {
  return {
    href: path,
    onClick: (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(path);
    },
  };
}
