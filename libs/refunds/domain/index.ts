export * from './ledger-entry';
export * from './books';
export * from './refund-status';
export * from './refundable-amount';
