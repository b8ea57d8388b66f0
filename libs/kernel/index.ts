export * from './domain-error';
export * from './clock';
export * from './ids';
export * from './money';
export * from './currencies';
export * from './roles';
export * from './webhook-signature';
export * from './subject';
