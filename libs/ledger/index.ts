export * from './domain';
export * from './ledger.service';
export * from './ledger-queries';
export * from './ledger.module';
