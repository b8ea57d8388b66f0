import { Global, Module } from '@nestjs/common';
import { AuditChainLinker } from './audit-chain-linker';
import { AuditLog } from './audit-log';
import { AuditQueries } from './audit-queries';
import { AuditSigningKey } from './audit-signing-key';
import { AuditVerifier } from './audit-verifier';

@Global()
@Module({
  providers: [AuditLog, AuditVerifier, AuditQueries, AuditSigningKey, AuditChainLinker],
  exports: [AuditLog, AuditVerifier, AuditQueries, AuditSigningKey, AuditChainLinker],
})
export class AuditModule {}
