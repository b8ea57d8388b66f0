import { getMetadataStorage } from 'class-validator';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import { EnvironmentVariables } from '@redress/config';

/**
 * `npm run docs:config`: writes docs/configuration.md from class EnvironmentVariables. The class is the
 * one source: its properties in order, the defaults their initialisers give, what the validators
 * accept, and each property's doc comment as its meaning (`@default` for a default set elsewhere).
 * libs/config/configuration-doc.spec.ts renders it again and fails when the file differs.
 */

export const SCHEMA_PATH = 'libs/config/env.schema.ts';
export const CONFIGURATION_DOC_PATH = 'docs/configuration.md';
export const REGENERATE_COMMAND = 'npm run docs:config';

export interface VariableDoc {
  name: string;
  /** Markdown: a value in backticks, the `@default` text, or "—" when unset means off. */
  defaultValue: string;
  /** Markdown: what the validators accept. */
  accepts: string;
  /** Markdown: the doc comment, on one line. */
  meaning: string;
}

/** The repository root: the first ancestor holding the schema (this file runs from scripts/ and dist/scripts/). */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, SCHEMA_PATH))) return dir;
    if (dirname(dir) === dir) throw new Error(`${SCHEMA_PATH} not found above ${from}`);
  }
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();
const code = (value: unknown): string => `\`${String(value)}\``;
const cell = (text: string): string => text.replace(/\|/g, '\\|');

interface Constraint {
  name?: string;
  constraints?: unknown[];
}

/** What the class-validator decorators on one property accept, in words. */
function describeConstraints(constraints: Constraint[]): string {
  const get = (name: string) => constraints.find((c) => c.name === name);
  const arg = (name: string) => get(name)?.constraints?.[0];
  const parts: string[] = [];
  const allowed = arg('isIn') as unknown[] | undefined;
  if (allowed) parts.push(`one of ${allowed.map(code).join(', ')}`);
  const number = get('isInt') ? 'integer' : get('isNumber') ? 'number' : undefined;
  if (number) {
    const [min, max] = [arg('min'), arg('max')] as (number | undefined)[];
    const range =
      min !== undefined && max !== undefined
        ? ` ${min}–${max}`
        : min !== undefined
          ? ` ≥ ${min}`
          : max !== undefined
            ? ` ≤ ${max}`
            : '';
    parts.push(number + range);
  }
  if (get('isUrl')) parts.push('http(s) URL');
  else if (get('isString') && !allowed) {
    const minLength = arg('minLength') as number | undefined;
    parts.push(minLength && minLength > 1 ? `text, at least ${minLength} characters` : 'text');
  }
  if (get('isBoolean')) parts.push('`true` or `false`');
  return parts.join('; ');
}

/** Every property of EnvironmentVariables, in the order the class declares them. */
export function readVariables(root: string = repositoryRoot()): VariableDoc[] {
  const path = join(root, SCHEMA_PATH);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const schema = source.statements.find(
    (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === EnvironmentVariables.name,
  );
  if (!schema) throw new Error(`${SCHEMA_PATH} declares no class ${EnvironmentVariables.name}`);

  const defaults = new EnvironmentVariables() as unknown as Record<string, unknown>;
  const validations = getMetadataStorage().getTargetValidationMetadatas(
    EnvironmentVariables,
    '',
    true,
    false,
  );

  return schema.members.filter(ts.isPropertyDeclaration).map((property) => {
    const name = property.name.getText(source);
    const where = `${SCHEMA_PATH}: ${name}`;
    const meaning = oneLine(
      ts
        .getJSDocCommentsAndTags(property)
        .filter(ts.isJSDoc)
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
        .join(' '),
    );
    if (!meaning) throw new Error(`${where} has no doc comment: write its meaning there, as /** … */`);

    const tag = ts.getJSDocTags(property).find((t) => t.tagName.text === 'default');
    const stated = tag ? oneLine(ts.getTextOfJSDocComment(tag.comment) ?? '') : undefined;
    const initialised = defaults[name] !== undefined;
    if (initialised && stated !== undefined) {
      throw new Error(`${where} has both a default value and a @default tag: keep one`);
    }
    if (!initialised && !property.questionToken) {
      throw new Error(`${where} has no default value: give it one, or mark it optional (?)`);
    }
    const defaultValue = initialised ? code(defaults[name]) : stated || '—';

    const constraints = validations.filter((v) => v.propertyName === name);
    if (constraints.length === 0) throw new Error(`${where} has no validator: every variable is validated`);
    return { name, defaultValue, accepts: describeConstraints(constraints), meaning };
  });
}

export function renderConfigurationDoc(root: string = repositoryRoot()): string {
  const rows = readVariables(root).map(
    (v) => `| \`${v.name}\` | ${cell(v.defaultValue)} | ${cell(v.accepts)} | ${cell(v.meaning)} |`,
  );
  return [
    `<!-- Generated from ${SCHEMA_PATH} by \`${REGENERATE_COMMAND}\`. Edit the comments there, not this file: a unit test compares the two. -->`,
    '',
    '# Configuration',
    '',
    'Redress is configured by environment variables only; it reads no `.env` file. The API, the worker and',
    'the scripts (`npm run migrate`, `npm run token`) read the same variables. Every variable is validated',
    'when a process starts, and so are the rules between them (stated below with each variable): each',
    'problem stops the process with one line naming the variable, for example',
    '`redress-api: Invalid configuration: PAYOUT_WEBHOOK_URL is required with PAYOUT_PROVIDER=webhook`.',
    '',
    'An optional variable (one whose default is not a fixed value) set to an empty value counts as unset;',
    'the others must hold a valid value when set. A default of "—" means that, unset, the feature is off.',
    'A PEM key may be given on one line, with `\\n` for each newline.',
    '',
    `The class \`EnvironmentVariables\` in [\`${SCHEMA_PATH}\`](../${SCHEMA_PATH}) is the source of this table.`,
    'How the variables fit together in production is in [operations.md](operations.md).',
    '',
    '| variable | default | accepts | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (require.main === module) {
  const root = repositoryRoot();
  const target = join(root, CONFIGURATION_DOC_PATH);
  writeFileSync(target, renderConfigurationDoc(root));
  process.stdout.write(`wrote ${CONFIGURATION_DOC_PATH} (${readVariables(root).length} variables)\n`);
}
