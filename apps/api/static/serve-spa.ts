import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** A single-page app the API serves: the console at /console, the appeal page at /appeal. */
export interface SpaSite {
  /** the path it lives under, e.g. `/console` */
  route: string;
  /** its folder under apps/, whose dist/ holds the build */
  app: string;
  /** headers on every answer: its Content-Security-Policy and the like */
  headers: Record<string, string>;
  /** said with a 503 while it is not built */
  notBuilt: string;
}

/**
 * The app's bundle, apps/<app>/dist: the first ancestor of this file that holds it (the repository
 * root from source or dist/, or the app directory of an image that copies it).
 */
export function spaDistDir(app: string, from: string = __dirname): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', app, 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

// Our Cache-Control headers stand; send's own would replace them.
const SEND_OPTIONS = { cacheControl: false } as const;

/**
 * Serves a built single-page app under its route: the bundle's files as built — brotli or gzip from
 * the .br/.gz written beside them at build time, by Accept-Encoding; hashed assets cached for a year —
 * and index.html for every other path, so deep links load the app, which routes in the browser. Source
 * maps only when `sourceMaps` (not in production). Public: the app holds no data, the API checks
 * tokens. Each site in its own encapsulated context, so its reply decorations never meet another's
 * (or bull-board's).
 */
export function serveSpa(
  fastify: FastifyInstance,
  site: SpaSite,
  options: { sourceMaps: boolean },
  root: string | null = spaDistDir(site.app),
): void {
  const secure = (reply: FastifyReply) => reply.headers(site.headers);
  void fastify.register(async (scope) => {
    if (!root) {
      const notBuilt = async (_request: unknown, reply: FastifyReply) =>
        reply.status(503).type('text/plain; charset=utf-8').send(`${site.notBuilt}\n`);
      scope.get(site.route, notBuilt);
      scope.get(`${site.route}/*`, notBuilt);
      return;
    }
    await scope.register(fastifyStatic, { root, serve: false, preCompressed: true });
    const index = (reply: FastifyReply) =>
      secure(reply).header('Cache-Control', 'no-cache').sendFile('index.html', root, SEND_OPTIONS);
    scope.get(site.route, async (_request, reply) => index(reply));
    scope.get(`${site.route}/*`, async (request, reply) => {
      const wanted = (request.params as { '*': string })['*'];
      const file = resolve(root, wanted);
      const isFile = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile();
      const immutable = wanted.startsWith('assets/');
      const hidden = wanted.endsWith('.map') && !options.sourceMaps;
      // a missing (or withheld) script or stylesheet is a 404, not the page: only app routes fall back
      if ((!isFile || hidden) && immutable) return reply.callNotFound();
      if (!isFile) return index(reply);
      return secure(reply)
        .header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(wanted, root, SEND_OPTIONS);
    });
  });
}
