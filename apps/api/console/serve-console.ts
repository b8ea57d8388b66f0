import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export const CONSOLE_ROUTE = '/console';

/**
 * The console's bundle sits in apps/console/dist. From source (jest) that is a few folders up, from
 * dist/apps/api/console a few more, so we walk up to the first ancestor that holds it (the repository root,
 * or the app directory of an image that copies it).
 */
export function consoleDistDir(from: string = __dirname): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'console', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

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

// Our Cache-Control headers stand; send's own would replace them.
const SEND_OPTIONS = { cacheControl: false } as const;

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('Content-Security-Policy', CSP)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer');
}

/**
 * Serves the single-page console at /console: files of the bundle as they are (hashed assets cached for
 * a year), and index.html for every other path under /console so that deep links (/console/cases/…)
 * load the app, which then routes in the browser. Public: the app holds no data, the API checks tokens.
 * Registered in its own encapsulated context so that its reply decorations never meet bull-board's.
 */
export function serveConsole(fastify: FastifyInstance, root: string | null = consoleDistDir()): void {
  void fastify.register(async (scope) => {
    if (!root) {
      const notBuilt = async (_request: unknown, reply: FastifyReply) =>
        reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The console is not built: run `npm run build:console` (npm start does it).\n');
      scope.get(CONSOLE_ROUTE, notBuilt);
      scope.get(`${CONSOLE_ROUTE}/*`, notBuilt);
      return;
    }
    await scope.register(fastifyStatic, { root, serve: false });
    const index = (reply: FastifyReply) =>
      secure(reply).header('Cache-Control', 'no-cache').sendFile('index.html', root, SEND_OPTIONS);
    scope.get(CONSOLE_ROUTE, async (_request, reply) => index(reply));
    scope.get(`${CONSOLE_ROUTE}/*`, async (request, reply) => {
      const wanted = (request.params as { '*': string })['*'];
      const file = resolve(root, wanted);
      const isFile = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile();
      const immutable = wanted.startsWith('assets/');
      // A missing script or stylesheet is a 404, not the page: only app routes fall back to index.html.
      if (!isFile && immutable) return reply.callNotFound();
      if (!isFile) return index(reply);
      return secure(reply)
        .header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(wanted, root, SEND_OPTIONS);
    });
  });
}
