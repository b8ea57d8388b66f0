export * from './ledger-entry';
export * from './books';
