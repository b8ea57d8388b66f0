export * from './statement-of-reasons';
export { redactPersonalData, EMAIL_REDACTED, ACCOUNT_REDACTED } from './redact';
export * from './report-period';
export * from './transparency-report';
export * from './transparency-csv';
export * from './personal-data-export';
export * from './tdb-response';
