export * from './statement-of-reasons';
export { redactPersonalData, EMAIL_REDACTED, ACCOUNT_REDACTED } from './redact';
