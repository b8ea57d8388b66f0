export * from './domain/macro';
export * from './application/create-macro.use-case';
export * from './application/update-macro.use-case';
export * from './application/delete-macro.use-case';
export * from './application/read-account.use-case';
export * from './queries/macro-queries';
export * from './queries/search-queries';
export * from './casework.module';
