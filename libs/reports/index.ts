export * from './domain';
export * from './application/build-transparency-report.use-case';
export * from './application/export-personal-data.use-case';
export * from './queries/statement-of-reasons-queries';
export * from './reports.module';
export * from './application/submit-statements.use-case';
export * from './application/retry-dsa-submission.use-case';
export * from './queries/dsa-submission-queries';
