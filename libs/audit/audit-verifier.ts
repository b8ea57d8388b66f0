import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSigningKey } from './audit-signing-key';
import { verifyAuditLog, type AuditVerification } from './audit-verification';

/** GET /v1/audit/verify: the outsider's full walk, run with the application's own public key. */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: AuditSigningKey,
  ) {}

  verify(): Promise<AuditVerification> {
    return verifyAuditLog((text, params) => this.dataSource.query(text, params), this.key.publicKey);
  }
}
