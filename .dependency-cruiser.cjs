/**
 * The boundaries `npm run lint` enforces (dependency-cruiser; docs/architecture.md, "Layers").
 *
 * Dependencies point one way: apps → domain libraries → platform libraries → the kernel.
 * - the kernel is framework-free: errors, money, clock, roles and permissions, ids, subjects, keyset
 *   pages and cursors, versions; nothing but Node's own modules (the console bundles part of it);
 * - platform libraries are what every domain needs and know no domain: config, database, redis, audit,
 *   outbox, observability (metrics, tracing, the shutdown bound), and the transport pair http and auth,
 *   which only the apps (and test code) import; the ledger is a domain lib (its own rules: books,
 *   entries), the lowest, which knows no other;
 * - domain libraries hold the rules; each imports the others it builds on, in DOMAIN_LIBS's order,
 *   only through their index.ts, which exports use cases, queries, domain types and ports (a
 *   repository another lib needs is reached through a port its module provides, e.g. SuspensionStore);
 * - libs/testing is test code: it may boot the apps, and only specs, test/ and itself import it, by
 *   any of its files (each helper is an entry point of its own).
 * Inside a lib, domain/ is plain TypeScript: no Nest, TypeORM or I/O, no platform lib but the kernel
 * (another domain lib through its index.ts, in DOMAIN_LIBS's order), nothing of its own lib's
 * application/, persistence/ or queries/.
 *
 * `npm run lint` cruises the server side (apps, libs, test, scripts) with tsconfig.json and the console
 * with its own tsconfig (its @redress/kernel is the browser-safe part, its @libs/* the libs' files, its
 * @redress/sdk the SDK's index).
 * libs/config/dependency-rules.spec.ts shows that each rule fails the lint on a violation.
 */
const KERNEL = 'kernel';
const PLATFORM_LIBS = ['config', 'database', 'redis', 'audit', 'outbox', 'observability', 'http', 'auth'];
const TRANSPORT_LIBS = ['http', 'auth'];
/** Each domain lib and the domain libs it may import: one direction, lowest first. */
const DOMAIN_LIBS = {
  ledger: [],
  suspensions: ['ledger'],
  appeals: ['suspensions'],
  evidence: ['appeals'],
  notifications: ['appeals', 'suspensions'],
  reports: ['appeals', 'suspensions'],
  refunds: ['appeals', 'suspensions', 'ledger', 'notifications'],
  access: ['suspensions', 'notifications'],
  casework: ['appeals', 'suspensions', 'refunds'],
  detectors: ['appeals', 'suspensions'],
};

/** The SDK's second entry point, `@redress/sdk/webhooks`: Node-only, so kept out of its browser-safe index. */
const SDK_NODE_ENTRY = '^libs/sdk/webhooks\\.ts$';

const any = (names) => `(${names.join('|')})`;
const lib = (names) => `^libs/${any(names)}/`;
/** Specs and test/ are test code: they may reach further than the code they test (but never deep). */
const TEST_CODE = ['^test/', '\\.(spec|medium-spec|e2e-spec|test)\\.tsx?$'];
/** What domain/ and the console must not load: the framework, persistence and I/O. */
const FRAMEWORKS =
  'node_modules/(@nestjs|typeorm|pg|pg-copy-streams|ioredis|bullmq|fastify|@fastify|class-validator|class-transformer|@aws-sdk|nodemailer|rxjs)/';

const domainOrder = Object.entries(DOMAIN_LIBS)
  .map(([name, allowed]) => [
    name,
    Object.keys(DOMAIN_LIBS).filter((other) => other !== name && !allowed.includes(other)),
  ])
  .filter(([, forbidden]) => forbidden.length > 0)
  .map(([name, forbidden]) => ({
    name: `domain-order-${name}`,
    comment: `${name} builds only on ${DOMAIN_LIBS[name].join(', ') || 'no other domain lib'} (one direction, no cycles between libs)`,
    severity: 'error',
    from: { path: lib([name]), pathNot: TEST_CODE },
    to: { path: lib(forbidden) },
  }));

module.exports = {
  forbidden: [
    {
      name: 'no-lib-imports-an-app',
      comment: 'libs never import apps; only libs/testing, which boots them',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/testing/' },
      to: { path: '^apps/' },
    },
    {
      name: 'platform-knows-no-domain',
      comment: 'the kernel and the platform libs know no domain lib',
      severity: 'error',
      from: { path: lib([KERNEL, ...PLATFORM_LIBS]) },
      to: { path: lib(Object.keys(DOMAIN_LIBS)) },
    },
    {
      name: 'kernel-stands-alone',
      comment:
        'the kernel imports nothing but itself and Node built-ins (framework-free, shared with the console)',
      severity: 'error',
      from: { path: lib([KERNEL]), pathNot: TEST_CODE },
      to: { pathNot: lib([KERNEL]), dependencyTypesNot: ['core'] },
    },
    {
      name: 'sdk-stands-alone',
      comment:
        "the SDK is for other programs: it imports only itself, openapi-fetch and Node built-ins, none of Redress's libs",
      severity: 'error',
      from: { path: '^libs/sdk/', pathNot: TEST_CODE },
      to: { pathNot: ['^libs/sdk/', 'node_modules/openapi-fetch/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'transport-only-in-apps',
      comment: 'application code does not import the HTTP lib or the auth guards: only the apps do',
      severity: 'error',
      from: { path: '^libs/', pathNot: [lib([...TRANSPORT_LIBS, 'testing']), ...TEST_CODE] },
      to: { path: lib(TRANSPORT_LIBS) },
    },
    ...domainOrder,
    {
      name: 'domain-folder-is-plain',
      comment:
        "domain/ imports neither Nest, TypeORM nor I/O, of the libs only the kernel and the domain libs it builds on, nothing of its own lib's other layers",
      severity: 'error',
      from: { path: '^libs/([^/]+)/domain/', pathNot: TEST_CODE },
      to: {
        path: [FRAMEWORKS, '^libs/'],
        pathNot: [`^libs/${KERNEL}/`, '^libs/$1/domain/', `${lib(Object.keys(DOMAIN_LIBS))}index\\.ts$`],
      },
    },
    {
      name: 'no-deep-imports-across-libs',
      comment: 'another lib is imported through its index.ts (@redress/<lib>), never by one of its files',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/[^/]+/',
        pathNot: ['^libs/$1/', '^libs/[^/]+/index\\.ts$', '^libs/testing/', SDK_NODE_ENTRY],
      },
    },
    {
      name: 'index-exports-no-repository',
      comment:
        "a domain lib's index.ts exports use cases, queries, domain types and ports: its repositories and row mappers (persistence/) stay inside",
      severity: 'error',
      from: { path: `${lib(Object.keys(DOMAIN_LIBS))}index\\.ts$` },
      to: { path: '^libs/[^/]+/persistence/' },
    },
    {
      name: 'apps-import-libs-by-index',
      comment: 'apps, tests and scripts import a lib through its index.ts (@redress/<lib>)',
      severity: 'error',
      from: { path: '^(apps/(?!console/|portal/)|test/|scripts/)' },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/[^/]+/index\\.ts$', '^libs/testing/', SDK_NODE_ENTRY] },
    },
    {
      name: 'testing-only-in-tests',
      comment: 'libs/testing is imported by specs, test/ and itself only',
      severity: 'error',
      from: { pathNot: ['^libs/testing/', ...TEST_CODE] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'console-is-framework-free',
      comment:
        "the console (a browser bundle) imports only the kernel, the libs' domain/ files and the SDK (not its Node-only webhooks)",
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: [FRAMEWORKS, '^libs/(?!kernel/|sdk/|[^/]+/domain/)', SDK_NODE_ENTRY, '^apps/(?!console/)'] },
    },
    {
      name: 'portal-is-browser-safe',
      comment:
        "the appeal page (a public browser bundle) imports only the SDK's browser-safe files, the kernel and the libs' domain/ files",
      severity: 'error',
      from: { path: '^apps/portal/' },
      to: { path: [FRAMEWORKS, '^libs/(?!kernel/|sdk/|[^/]+/domain/)', SDK_NODE_ENTRY, '^apps/(?!portal/)'] },
    },
    {
      name: 'no-circular',
      comment: 'no module reaches itself again through its imports',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves (else the rules above would not see it)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // type-only imports count too: a domain file may not even name a Nest type
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // the console and the appeal page have runs of their own (apps/*/.dependency-cruiser.cjs)
    exclude: { path: ['(^|/)dist/', '^test/artifacts/', '^apps/console/', '^apps/portal/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
