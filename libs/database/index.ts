export * from './data-source-options';
export * from './ensure-database';
export * from './migrate';
export * from './unit-of-work';
export * from './pg-errors';
export * from './bigint.transformer';
export * from './database.module';
export * from './preflight';
