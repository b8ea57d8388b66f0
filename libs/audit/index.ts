export * from './audit-hash';
export * from './audit-log';
export * from './audit-verifier';
export * from './audit-queries';
export * from './audit.module';
