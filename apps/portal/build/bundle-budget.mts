import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The limit: what a phone on a slow line downloads before the page can do anything. */
export const FIRST_LOAD_BUDGET_BYTES = 100 * 1024;

interface Chunk {
  type: 'chunk';
  code: string;
  isEntry: boolean;
  imports: string[];
}

/** The entry chunk and every chunk it imports statically: what the browser loads before the app runs. */
export function firstLoadChunks(bundle: Record<string, { type: string }>): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const chunk = bundle[name] as Chunk | undefined;
    if (!chunk || chunk.type !== 'chunk' || seen.has(name)) return;
    seen.add(name);
    chunk.imports.forEach(visit);
  };
  for (const [name, output] of Object.entries(bundle))
    if (output.type === 'chunk' && (output as Chunk).isEntry) visit(name);
  return [...seen];
}

/** Fails the build when the gzipped JavaScript of the first load is over the budget, and says how much it is. */
export function bundleBudget(limit = FIRST_LOAD_BUDGET_BYTES): Plugin {
  return {
    name: 'redress-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const names = firstLoadChunks(bundle);
      const bytes = names.reduce(
        (sum, name) => sum + gzipSync((bundle[name] as unknown as Chunk).code, { level: 9 }).length,
        0,
      );
      const kb = (bytes / 1024).toFixed(1);
      if (bytes > limit) this.error(`first-load JavaScript is ${kb} KB gzipped, over ${limit / 1024} KB`);
      this.info(
        `first-load JavaScript: ${kb} KB gzipped (${names.length} chunk(s); budget ${limit / 1024} KB)`,
      );
    },
  };
}
