import { resolve } from 'node:path';

/**
 * What must never reach a client: stack frames, driver and SQL error text, and paths of the server's
 * file system. The patterns name things a request cannot put into an answer by echoing its own input
 * (a fuzzer's "../../etc/passwd" may come back in a validation message; the repository's absolute
 * path or a PostgreSQL error phrase may not).
 */
const LEAKS: readonly [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>\[\] ]*\(?(?:node:|file:|\/)[^\s)]*:\d+:\d+\)?/],
  ['source location', /\.(?:ts|js|mjs|cjs):\d+:\d+/],
  ['node_modules path', /node_modules[\\/]/],
  [
    'error class',
    /\b(?:QueryFailedError|TypeORMError|EntityNotFound|DatabaseError|ReferenceError|RangeError|TypeError|SyntaxError: Unexpected)\b/,
  ],
  [
    'PostgreSQL error text',
    /syntax error at or near|violates (?:unique|check|foreign key|not-null|exclusion) constraint|duplicate key value|invalid input syntax for|relation "[^"]+" does not exist|column "[^"]+" (?:does not exist|of relation)|current transaction is aborted|operator does not exist|could not serialize access|deadlock detected|value too long for type|out of range for type|unterminated quoted/i,
  ],
  [
    'SQL statement',
    /\b(?:SELECT\s+[\w"*.,\s]+\s+FROM\s+"?\w|INSERT\s+INTO\s+"?\w+"?\s*\(|UPDATE\s+"?\w+"?\s+SET\s|DELETE\s+FROM\s+"?\w)/i,
  ],
  ['ioredis error', /\bReplyError\b|ERR wrong number of arguments|WRONGTYPE/],
];

/** Names the first leak found in a response body, or undefined. `extraPaths` are more server paths (e.g. EVIDENCE_DIR). */
export function findLeak(body: string, extraPaths: string[] = []): string | undefined {
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(body);
    if (match) return `${what}: ${match[0].slice(0, 120)}`;
  }
  for (const path of [process.cwd(), ...extraPaths.map((p) => resolve(p))]) {
    if (path.length > 4 && body.includes(path)) return `server path: ${path}`;
  }
  return undefined;
}
