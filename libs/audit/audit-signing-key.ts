import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@redress/config';
import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { publicKeyPem } from './audit-checkpoint';

/** Where development keeps the key it generates, so the API and the worker sign alike across restarts. */
export const DEVELOPMENT_SIGNING_KEY_FILE = 'data/audit-signing-key.pem';

/**
 * The Ed25519 key that signs audit checkpoints: AUDIT_SIGNING_KEY (required in production, where the
 * configuration refuses to load without it), else one generated into DEVELOPMENT_SIGNING_KEY_FILE in
 * development and kept in memory under NODE_ENV=test.
 */
@Injectable()
export class AuditSigningKey {
  private readonly logger = new Logger(AuditSigningKey.name);
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SPKI PEM, as GET /v1/audit/checkpoints/public-key serves it. */
  readonly publicKeyPem: string;

  constructor(config: AppConfig) {
    const configured = config.auditSigningKeyPem;
    this.privateKey = createPrivateKey(configured ?? this.generatedKey(config.env.NODE_ENV === 'test'));
    this.publicKey = createPublicKey(this.privateKey);
    this.publicKeyPem = publicKeyPem(this.privateKey);
  }

  private generatedKey(inMemory: boolean): string {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    if (inMemory) return pem;
    const file = resolve(DEVELOPMENT_SIGNING_KEY_FILE);
    mkdirSync(dirname(file), { recursive: true });
    // written aside and hard-linked into place: the API and the worker starting together both end up
    // with whichever key won, and neither can read a half-written file
    const draft = `${file}.${process.pid}.tmp`;
    writeFileSync(draft, pem, { mode: 0o600 });
    try {
      linkSync(draft, file);
      this.logger.warn(`AUDIT_SIGNING_KEY is not set: generated a development key in ${file}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
    return readFileSync(file, 'utf8');
  }
}
