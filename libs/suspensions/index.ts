export * from './domain/suspension';
export * from './domain/notice';
export * from './application/create-suspension.use-case';
export * from './application/lift-suspension.use-case';
export * from './persistence/suspension.entity';
export * from './persistence/suspension.repository';
export * from './queries/suspension-queries';
export * from './suspensions.module';
