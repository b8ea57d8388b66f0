import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { precompress } from '../../scripts/vite-precompress.mts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Built to static files under apps/console/dist; the API serves them at /console (no server of its own).
 * The appeal state machine is imported from libs/appeals as it is, so the buttons follow the same table
 * as the server; only its @redress/kernel import is pointed at the browser-safe part of the kernel. The
 * console calls the API through the SDK's browser-safe index (@redress/sdk; not its Node-only webhooks).
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  cacheDir: here('../../node_modules/.vite/console'),
  resolve: {
    alias: [
      { find: /^@redress\/kernel$/, replacement: here('./src/domain/kernel.ts') },
      { find: /^@redress\/sdk$/, replacement: here('../../libs/sdk/index.ts') },
      { find: /^@libs\//, replacement: `${here('../../libs')}/` },
    ],
  },
  oxc: { jsx: { runtime: 'automatic' } },
  // .br and .gz beside each file, sent as they are; source maps served outside production only
  plugins: [precompress()],
  build: { outDir: here('./dist'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
  },
});
