export * from './app-config';
export * from './auth-config';
export * from './env.schema';
export * from './config.module';
export * from './clock.module';
export * from './logging.module';
export * from './package-version';
export * from './webhook-secrets';
