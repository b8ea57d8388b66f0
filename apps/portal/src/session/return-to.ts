/** Where to go once signed in (the suspension page a notice linked to), kept across the e-mail's new tab. */
const RETURN_KEY = 'redress.portal.returnTo';

export function rememberReturnTo(path: string): void {
  localStorage.setItem(RETURN_KEY, path);
}

export function takeReturnTo(): string | null {
  const path = localStorage.getItem(RETURN_KEY);
  localStorage.removeItem(RETURN_KEY);
  return path && path.startsWith('/appeal/') ? path : null;
}
