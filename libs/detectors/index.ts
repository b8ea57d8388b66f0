export * from './domain/estimator';
export * from './domain/breaker';
export * from './domain/detector-figures';
export * from './application/judge-detectors.use-case';
export * from './queries/detector-queries';
export * from './detectors.module';
