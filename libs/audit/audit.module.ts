import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log';
import { AuditQueries } from './audit-queries';
import { AuditVerifier } from './audit-verifier';

@Global()
@Module({
  providers: [AuditLog, AuditVerifier, AuditQueries],
  exports: [AuditLog, AuditVerifier, AuditQueries],
})
export class AuditModule {}
