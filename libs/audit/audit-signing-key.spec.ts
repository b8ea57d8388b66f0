import { Logger } from '@nestjs/common';
import { loadConfig } from '@redress/config';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditSigningKey, DEVELOPMENT_SIGNING_KEY_FILE } from './audit-signing-key';

describe('AuditSigningKey', () => {
  const cwd = process.cwd();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'redress-signing-key-'));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses AUDIT_SIGNING_KEY when set', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = new AuditSigningKey(loadConfig({ NODE_ENV: 'development', AUDIT_SIGNING_KEY: pem }));
    expect(key.privateKey.export({ type: 'pkcs8', format: 'pem' })).toBe(pem);
    expect(existsSync(DEVELOPMENT_SIGNING_KEY_FILE)).toBe(false);
  });

  it('in development generates one into the data folder, which the next process (API or worker) reuses', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const config = loadConfig({ NODE_ENV: 'development' });
    const api = new AuditSigningKey(config);
    const worker = new AuditSigningKey(config);
    expect(warn).toHaveBeenCalledTimes(1); // only the process that generated it says so
    warn.mockRestore();
    expect(worker.publicKeyPem).toBe(api.publicKeyPem);
    expect(readFileSync(DEVELOPMENT_SIGNING_KEY_FILE, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(statSync(DEVELOPMENT_SIGNING_KEY_FILE).mode & 0o077).toBe(0);
    expect(readFileSync(join(dir, 'data/audit-signing-key.pem'), 'utf8')).toBe(
      api.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
  });

  it('under NODE_ENV=test without a key keeps one in memory', () => {
    new AuditSigningKey(loadConfig({ NODE_ENV: 'test' }));
    expect(existsSync(DEVELOPMENT_SIGNING_KEY_FILE)).toBe(false);
  });
});
