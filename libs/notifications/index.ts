export * from './rendering';
export * from './domain/delivery-plan';
export * from './application/dispatch-event.use-case';
export * from './queries/inbox-queries';
export * from './notifications.module';
