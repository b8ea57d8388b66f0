import { getMetadataStorage } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIGURATION_DOC_PATH,
  REGENERATE_COMMAND,
  SCHEMA_PATH,
  readVariables,
  renderConfigurationDoc,
  repositoryRoot,
} from '../../scripts/configuration-doc';
import { EnvironmentVariables } from './env.schema';

const root = repositoryRoot(__dirname);

/** docs/configuration.md must show EnvironmentVariables as it is, so the table never drifts from the code. */
describe(CONFIGURATION_DOC_PATH, () => {
  it(`is what ${REGENERATE_COMMAND} writes from ${SCHEMA_PATH}`, () => {
    const path = join(root, CONFIGURATION_DOC_PATH);
    const actual = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (actual === renderConfigurationDoc(root)) return;
    throw new Error(
      `${CONFIGURATION_DOC_PATH} is out of date with ${SCHEMA_PATH}.\n` +
        `Regenerate it with:\n  ${REGENERATE_COMMAND}`,
    );
  });

  it('lists every validated variable once, in the order of the class, each with a meaning', () => {
    const documented = readVariables(root);
    const validated = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
        .map((v) => v.propertyName),
    );
    expect(documented.map((v) => v.name).sort()).toEqual([...validated].sort());
    expect(new Set(documented.map((v) => v.name)).size).toBe(documented.length);
    for (const v of documented) expect(v.meaning.length).toBeGreaterThan(10);
  });

  it('states the computed defaults and shows "—" for an optional variable without one', () => {
    const byName = new Map(readVariables(root).map((v) => [v.name, v]));
    expect(byName.get('PORT')?.defaultValue).toBe('`3000`');
    expect(byName.get('EVIDENCE_MAX_BYTES')?.defaultValue).toBe('`10485760`');
    expect(byName.get('DATABASE_MIGRATION_URL')?.defaultValue).toBe('`DATABASE_URL`');
    expect(byName.get('AUDIT_SIGNING_KEY')?.defaultValue).toMatch(/generated/);
    expect(byName.get('SMTP_URL')?.defaultValue).toBe('—');
    expect(byName.get('NODE_ENV')?.accepts).toBe('one of `development`, `production`, `test`');
    expect(byName.get('PORT')?.accepts).toBe('integer 0–65535');
  });
});
