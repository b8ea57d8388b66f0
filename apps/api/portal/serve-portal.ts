import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export const PORTAL_ROUTE = '/appeal';

/**
 * The appeal page's bundle, apps/portal/dist: the first ancestor of this file that holds it (the
 * repository root from source or dist/, or the app directory of an image that copies it).
 */
export function portalDistDir(from: string = __dirname): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'portal', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

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

// Our Cache-Control headers stand; send's own would replace them.
const SEND_OPTIONS = { cacheControl: false } as const;

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('Content-Security-Policy', PORTAL_CSP)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cross-Origin-Opener-Policy', 'same-origin')
    .header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

/**
 * Serves the appeal page at /appeal: the bundle's files as built (brotli or gzip from the .br/.gz
 * written beside them at build time, by Accept-Encoding; hashed assets cached for a year) and
 * index.html for every other path, so that the e-mailed link (/appeal/access#…) and a notice's link
 * (/appeal/suspensions/<id>) load the app. Its own encapsulated context, like the console's.
 */
export function servePortal(fastify: FastifyInstance, root: string | null = portalDistDir()): void {
  void fastify.register(async (scope) => {
    if (!root) {
      const notBuilt = async (_request: unknown, reply: FastifyReply) =>
        reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The appeal page is not built: run `npm run build:portal` (npm start does it).\n');
      scope.get(PORTAL_ROUTE, notBuilt);
      scope.get(`${PORTAL_ROUTE}/*`, notBuilt);
      return;
    }
    await scope.register(fastifyStatic, { root, serve: false, preCompressed: true });
    const index = (reply: FastifyReply) =>
      secure(reply).header('Cache-Control', 'no-cache').sendFile('index.html', root, SEND_OPTIONS);
    scope.get(PORTAL_ROUTE, async (_request, reply) => index(reply));
    scope.get(`${PORTAL_ROUTE}/*`, async (request, reply) => {
      const wanted = (request.params as { '*': string })['*'];
      const file = resolve(root, wanted);
      const isFile = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile();
      const immutable = wanted.startsWith('assets/');
      // a missing script or stylesheet is a 404, not the page: only app routes fall back to index.html
      if (!isFile && immutable) return reply.callNotFound();
      if (!isFile) return index(reply);
      return secure(reply)
        .header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(wanted, root, SEND_OPTIONS);
    });
  });
}
