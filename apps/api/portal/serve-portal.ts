import type { SpaSite } from '../static/serve-spa';

/**
 * Public and strict: the page's own scripts and styles only (no inline script or style, nothing from
 * another origin), calls to its own origin, downloads of the data export as blob: URLs it makes itself.
 */
export const PORTAL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The appeal page at /appeal (apps/portal): the e-mailed link (/appeal/access#…) and a notice's link
 * (/appeal/suspensions/<id>) load the app.
 */
export const PORTAL_SITE: SpaSite = {
  route: '/appeal',
  app: 'portal',
  headers: {
    'Content-Security-Policy': PORTAL_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  },
  notBuilt: 'The appeal page is not built: run `npm run build:portal` (npm start does it).',
};
