import type { SpaSite } from '../static/serve-spa';

// The console only talks to its own origin; evidence previews are blob: URLs it creates itself.
const CSP = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "frame-src 'self' blob:",
  "object-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The console at /console (apps/console), deep links such as /console/cases/<id> included. */
export const CONSOLE_SITE: SpaSite = {
  route: '/console',
  app: 'console',
  headers: {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  },
  notBuilt: 'The console is not built: run `npm run build:console` (npm start does it).',
};
