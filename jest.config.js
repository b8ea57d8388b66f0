// Three projects: pure unit specs beside the code; medium specs beside the code, one lib's Nest module on
// real PostgreSQL without HTTP; e2e specs of the whole system against real PostgreSQL/Redis.
const fs = require('node:fs');
const path = require('node:path');

const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.(t|j)s$': ['@swc/jest', { ...swc, swcrc: false }] };
const moduleNameMapper = { '^@redress/(.*)$': '<rootDir>/libs/$1' };

/**
 * NestJS 12 and several of its dependencies ship ES modules only. Node 20 loads them with require(esm),
 * but Jest's module system cannot, so swc compiles exactly those packages to CommonJS. The list is read
 * from node_modules ("type": "module") so that it follows upgrades by itself.
 */
function esmPackages(dir, found = new Set()) {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const names = entry.startsWith('@') ? fs.readdirSync(path.join(dir, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const name of names) {
      const pkgDir = path.join(dir, name);
      try {
        if (JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).type === 'module') found.add(name);
      } catch {
        // not a package
      }
      esmPackages(path.join(pkgDir, 'node_modules'), found);
    }
  }
  return found;
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const esm = [...esmPackages(path.join(__dirname, 'node_modules'))].map(escape).join('|');
// Ignore node_modules files unless the innermost package is an ES-module one.
const transformIgnorePatterns = [`/node_modules/(?!(?:${esm})/(?!.*/node_modules/))`];

const project = { rootDir: __dirname, transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node' };
// medium and e2e specs clone one migrated template database, made once per run whichever of them run
const template = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

module.exports = {
  // e2e tests wait on real workers; unit tests finish in milliseconds either way
  testTimeout: 60000,
  projects: [
    {
      ...project,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/apps/console/'],
    },
    { ...project, ...template, displayName: 'medium', testMatch: ['<rootDir>/libs/**/*.medium-spec.ts'] },
    { ...project, ...template, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
