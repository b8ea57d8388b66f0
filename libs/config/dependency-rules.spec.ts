import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The boundaries of /.dependency-cruiser.cjs fail the lint: `depcruise`, run as `npm run lint` runs it,
 * over a small repository written here (libs/… and apps/… as in this one) with one violation of each
 * rule, reports every rule and exits non-zero; the same layout without the violations passes.
 */
const ROOT = join(__dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const CONSOLE_CONFIG = join(ROOT, 'apps/console/.dependency-cruiser.cjs');
const PORTAL_CONFIG = join(ROOT, 'apps/portal/.dependency-cruiser.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rules = require(CONFIG) as { forbidden: { name: string; to: { path?: string | string[] } }[] };
const DOMAIN_LIBS = ['ledger', 'suspensions', 'appeals', 'evidence', 'notifications', 'reports', 'refunds'];
const PLATFORM_LIBS = [
  'kernel',
  'config',
  'database',
  'redis',
  'audit',
  'outbox',
  'http',
  'auth',
  'testing',
  'sdk',
];

type Files = Record<string, string>;

/** Every lib with an index.ts that exports something, and an app entry point. */
const LAYOUT: Files = {
  ...Object.fromEntries(
    [...DOMAIN_LIBS, ...PLATFORM_LIBS].map((name) => [
      `libs/${name}/index.ts`,
      `export const ${name} = 1;\n`,
    ]),
  ),
  'libs/appeals/domain/rule.ts': "import { kernel } from '@redress/kernel';\nexport const rule = kernel;\n",
  'apps/api/main.ts': 'export const main = 1;\n',
};

/** What the rules allow: each layer importing what it may. */
const ALLOWED: Files = {
  'libs/appeals/application/use-case.ts':
    "import { suspensions } from '@redress/suspensions';\nimport { database } from '@redress/database';\n" +
    "import { kernel } from '@redress/kernel';\nimport { rule } from '../domain/rule';\n" +
    'export const useCase = [suspensions, database, kernel, rule];\n',
  'libs/evidence/domain/open.ts':
    "import { appeals } from '@redress/appeals';\nexport const open = appeals;\n",
  'libs/http/routes.ts': "import { config } from '@redress/config';\nexport const routes = config;\n",
  'libs/testing/boot.ts': "import { main } from '../../apps/api/main';\nexport const boot = main;\n",
  'libs/appeals/application/use-case.spec.ts':
    "import { boot } from '@redress/testing/boot';\nimport { refunds } from '@redress/refunds';\n" +
    'export const spec = [boot, refunds];\n',
  'apps/api/controller.ts':
    "import { appeals } from '@redress/appeals';\nimport { http } from '@redress/http';\nimport { Injectable } from '@nestjs/common';\n" +
    'export const controller = [appeals, http, Injectable];\n',
  'test/story.e2e-spec.ts': "import { boot } from '@redress/testing/boot';\nexport const story = boot;\n",
  'libs/sdk/webhooks.ts': "import { createHmac } from 'node:crypto';\nexport const webhooks = createHmac;\n",
  'test/receiver.e2e-spec.ts':
    "import { webhooks } from '@redress/sdk/webhooks';\nexport const receiver = webhooks;\n",
};

/** One file per rule, each breaking it once; file → the rule it breaks. */
const VIOLATIONS: Record<string, [string, string]> = {
  'no-lib-imports-an-app': [
    'libs/ledger/boot.ts',
    "import { main } from '../../apps/api/main';\nexport const x = main;\n",
  ],
  'platform-knows-no-domain': [
    'libs/database/suspended.ts',
    "import { suspensions } from '@redress/suspensions';\nexport const x = suspensions;\n",
  ],
  'kernel-stands-alone': [
    'libs/kernel/injectable.ts',
    "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
  ],
  'sdk-stands-alone': [
    'libs/sdk/client.ts',
    "import { kernel } from '@redress/kernel';\nexport const x = kernel;\n",
  ],
  'transport-only-in-apps': [
    'libs/refunds/application/paged.ts',
    "import { http } from '@redress/http';\nexport const x = http;\n",
  ],
  'domain-folder-is-plain': [
    'libs/appeals/domain/injectable.ts',
    "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
  ],
  'no-deep-imports-across-libs': [
    'libs/refunds/application/deep.ts',
    "import { useCase } from '@redress/appeals/application/use-case';\nexport const x = useCase;\n",
  ],
  'index-exports-no-repository': [
    'libs/reports/index.ts',
    "export const reports = 1;\nexport * from './persistence/report.repository';\n",
  ],
  'apps-import-libs-by-index': [
    'apps/worker/deep.ts',
    "import { rule } from '@redress/appeals/domain/rule';\nexport const x = rule;\n",
  ],
  'testing-only-in-tests': [
    'libs/notifications/application/builders.ts',
    "import { testing } from '@redress/testing';\nexport const x = testing;\n",
  ],
  'no-circular': ['libs/reports/queries/a.ts', "import { b } from './b';\nexport const a = () => b;\n"],
  'not-to-unresolvable': [
    'libs/outbox/missing.ts',
    "import { x } from '@redress/nowhere';\nexport const y = x;\n",
  ],
  // each domain lib importing one that it may not (an upper one, or one it does not build on)
  ...Object.fromEntries(
    rules.forbidden
      .filter((rule) => rule.name.startsWith('domain-order-'))
      .map((rule) => {
        const from = rule.name.slice('domain-order-'.length);
        const to = DOMAIN_LIBS.find(
          (name) => name !== from && new RegExp(String(rule.to.path)).test(`libs/${name}/`),
        );
        return [
          rule.name,
          [
            `libs/${from}/application/order.ts`,
            `import { ${to} } from '@redress/${to}';\nexport const x = ${to};\n`,
          ],
        ];
      }),
  ),
};
/** What the violations need besides: the other half of the cycle, the repository an index exports. */
const PARTNERS: Files = {
  'libs/reports/queries/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
  'libs/reports/persistence/report.repository.ts': 'export const reportRepository = 1;\n',
};
/** What the console may import (the kernel, a domain/ file, the SDK's index), and two it may not. */
const CONSOLE_ALLOWED: Files = {
  'libs/sdk/webhooks.ts': ALLOWED['libs/sdk/webhooks.ts'],
  'apps/console/src/queue-page.tsx':
    "import { kernel } from '@redress/kernel';\nimport { rule } from '@redress/appeals/domain/rule';\n" +
    "import { sdk } from '@redress/sdk';\nexport const page = [kernel, rule, sdk];\n",
};
const CONSOLE_VIOLATION: Files = {
  'apps/console/src/case-page.tsx':
    "import { appeals } from '@redress/appeals';\nexport const page = appeals;\n",
  'apps/console/src/receiver.ts':
    "import { webhooks } from '@redress/sdk/webhooks';\nexport const receiver = webhooks;\n",
};

/** What the appeal page may import (the SDK's index, a domain/ file), and two it may not. */
const PORTAL_ALLOWED: Files = {
  'libs/sdk/webhooks.ts': ALLOWED['libs/sdk/webhooks.ts'],
  'apps/portal/src/page.tsx':
    "import { sdk } from '@redress/sdk';\nimport { rule } from '@redress/appeals/domain/rule';\n" +
    'export const page = [sdk, rule];\n',
};
const PORTAL_VIOLATION: Files = {
  'apps/portal/src/server.ts':
    "import { appeals } from '@redress/appeals';\nexport const server = appeals;\n",
  'apps/portal/src/receiver.ts':
    "import { webhooks } from '@redress/sdk/webhooks';\nexport const receiver = webhooks;\n",
};

interface Violation {
  rule: string;
  from: string;
}

function depcruise(files: Files, args: string[]): { status: number | null; violations: Violation[] } {
  const dir = mkdtempSync(join(tmpdir(), 'redress-dependency-rules-'));
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const tsconfig = {
      compilerOptions: { baseUrl: '.', paths: { '@redress/*': ['libs/*'] }, jsx: 'react-jsx' },
    };
    for (const [path, text] of Object.entries({ ...files, 'tsconfig.json': JSON.stringify(tsconfig) })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // the report `npm run lint` prints, and its exit code (the number of errors)
    const run = spawnSync(
      process.execPath,
      [DEPCRUISE, ...args, '--ts-config', join(dir, 'tsconfig.json'), '--output-type', 'err'],
      { cwd: dir, encoding: 'utf8' },
    );
    if (run.error || !/dependency violations/.test(run.stdout))
      throw new Error(`depcruise failed: ${run.stderr}`);
    const violations = [...run.stdout.matchAll(/^ {2}error ([\w-]+): (\S+) → /gm)].map(([, rule, from]) => ({
      rule,
      from,
    }));
    return { status: run.status, violations };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the dependency rules (npm run lint)', () => {
  const ruleNames = rules.forbidden.map((rule) => rule.name);

  it('pass a layout that keeps them', () => {
    const run = depcruise({ ...LAYOUT, ...ALLOWED }, ['apps', 'libs', 'test', '--config', CONFIG]);
    expect(run.violations).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('fail on a violation of each rule, naming the rule and the file', () => {
    const violating = Object.fromEntries(Object.values(VIOLATIONS));
    const run = depcruise({ ...LAYOUT, ...ALLOWED, ...violating, ...PARTNERS }, [
      'apps',
      'libs',
      'test',
      '--config',
      CONFIG,
    ]);
    expect(run.status).not.toBe(0);
    const reported = new Set(run.violations.map((v) => `${v.rule} ${v.from}`));
    for (const [rule, [file]] of Object.entries(VIOLATIONS)) expect(reported).toContain(`${rule} ${file}`);
    // every rule of the config is shown to bite, and no allowed file is reported
    expect(
      ruleNames
        .filter((name) => !['console-is-framework-free', 'portal-is-browser-safe'].includes(name))
        .sort(),
    ).toEqual(Object.keys(VIOLATIONS).sort());
    expect(run.violations.filter((v) => v.from in ALLOWED)).toEqual([]);
  });

  it('keep the console to the kernel, the domain/ files and the SDK but its webhooks', () => {
    const run = depcruise({ ...LAYOUT, ...CONSOLE_ALLOWED, ...CONSOLE_VIOLATION }, [
      'apps/console/src',
      '--config',
      CONSOLE_CONFIG,
    ]);
    expect(run.status).not.toBe(0);
    expect(run.violations.map((v) => `${v.rule} ${v.from}`).sort()).toEqual([
      'console-is-framework-free apps/console/src/case-page.tsx',
      'console-is-framework-free apps/console/src/receiver.ts',
    ]);
  });

  it('keep the appeal page to the SDK but its webhooks and the domain/ files', () => {
    const run = depcruise({ ...LAYOUT, ...PORTAL_ALLOWED, ...PORTAL_VIOLATION }, [
      'apps/portal/src',
      '--config',
      PORTAL_CONFIG,
    ]);
    expect(run.status).not.toBe(0);
    expect(run.violations.map((v) => `${v.rule} ${v.from}`).sort()).toEqual([
      'portal-is-browser-safe apps/portal/src/receiver.ts',
      'portal-is-browser-safe apps/portal/src/server.ts',
    ]);
  });
});
