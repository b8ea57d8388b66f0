export * from './outbox';
export * from './outbox-store';
export * from './outbox.module';
