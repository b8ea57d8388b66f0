export * from './refund';
export * from './refund-status';
export * from './refundable-amount';
export * from './refund-notice';
