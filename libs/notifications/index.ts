export * from './rendering';
export * from './domain/delivery-plan';
export * from './domain/appeal-links';
export * from './domain/retry-policy';
export * from './domain/webhook-event';
export * from './application/dispatch-event.use-case';
export * from './application/deliver-notification.use-case';
export * from './application/redeliver-notification.use-case';
export * from './application/take-overdue-deliveries.use-case';
export * from './channels/delivery-channel';
export * from './channels/mailer';
export * from './queries/inbox-queries';
export * from './queries/delivery-log-queries';
export * from './notifications.module';
// Webhook signing lives in the kernel (payouts sign the same way); re-exported for webhook code here.
