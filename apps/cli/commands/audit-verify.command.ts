import { verifyDatabaseCopy } from '@redress/audit';
import { AppConfig } from '@redress/config';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command, Option } from 'nest-commander';
import { CliOutput } from '../cli-output';
import { JsonCommand, type JsonOptions } from './json-option';

interface VerifyOptions extends JsonOptions {
  databaseUrl?: string;
  publicKey?: string;
  checkpoints?: string;
}

/** Exit 0 intact, 1 not, 2 could not check: as the outsider's script. */
@Command({ name: 'audit:verify', description: 're-walk the audit log and check the signed checkpoints' })
export class AuditVerifyCommand extends JsonCommand {
  constructor(
    private readonly config: AppConfig,
    private readonly out: CliOutput,
  ) {
    super();
  }

  @Option({ flags: '--database-url <url>', description: 'a copy of the database (default DATABASE_URL)' })
  parseDatabaseUrl(value: string): string {
    return value;
  }

  @Option({
    flags: '--public-key <file>',
    description: 'the checkpoints public key (default: of AUDIT_SIGNING_KEY)',
  })
  parsePublicKey(value: string): string {
    return value;
  }

  @Option({ flags: '--checkpoints <file>', description: 'checkpoints kept outside the database (JSON)' })
  parseCheckpoints(value: string): string {
    return value;
  }

  async run(_params: string[], options: VerifyOptions): Promise<void> {
    const signingKey = this.config.auditSigningKeyPem;
    const publicKeyPem = options.publicKey
      ? readFileSync(options.publicKey, 'utf8')
      : signingKey &&
        createPublicKey(createPrivateKey(signingKey)).export({ type: 'spki', format: 'pem' }).toString();
    if (!publicKeyPem) return this.out.fail('audit:verify needs --public-key or AUDIT_SIGNING_KEY', 2);
    try {
      const result = await verifyDatabaseCopy({
        databaseUrl: options.databaseUrl ?? this.config.env.DATABASE_URL,
        publicKeyPem,
        checkpointsJson: options.checkpoints ? readFileSync(options.checkpoints, 'utf8') : undefined,
      });
      this.out.print(options.json, result, [
        result.ok ? 'the audit log is intact' : 'the audit log is NOT intact',
        JSON.stringify(result),
      ]);
      if (!result.ok) this.out.exitCode = 1;
    } catch (error) {
      this.out.fail(`audit:verify: ${(error as Error).message}`, 2);
    }
  }
}
