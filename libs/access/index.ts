export * from './domain/link-token';
export * from './application/request-access-link.use-case';
export * from './application/send-access-links.use-case';
export * from './application/exchange-access-link.use-case';
export * from './access.module';
