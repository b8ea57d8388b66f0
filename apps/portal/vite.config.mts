import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { bundleBudget } from './build/bundle-budget.mts';
import { precompress } from '../../scripts/vite-precompress.mts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The appeal page: built to static files under apps/portal/dist, which the API serves at /appeal
 * (apps/api/portal). Preact keeps the first load small; @redress/sdk is the SDK's browser-safe index.
 */
export default defineConfig({
  root: here('.'),
  base: '/appeal/',
  cacheDir: here('../../node_modules/.vite/portal'),
  resolve: {
    alias: [{ find: /^@redress\/sdk$/, replacement: here('../../libs/sdk/index.ts') }],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [bundleBudget(), precompress()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    // written for debugging; the API serves them outside production only (apps/api/static/serve-spa.ts)
    sourcemap: true,
    // the CSP allows no inline script, and every browser we serve has module preload
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
  test: {
    // plain functions in node; a component test asks for jsdom itself (@vitest-environment)
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
