import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let version: string | undefined;

/**
 * Redress's version from its package.json, found above this file from the sources and from dist/
 * alike: what the OpenAPI document, the webhooks' User-Agent and operators see.
 */
export function packageVersion(): string {
  version ??= readVersion(__dirname);
  return version;
}

function readVersion(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'redress' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error(`Redress's package.json was not found above ${from}`);
  }
}
