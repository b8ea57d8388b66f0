export * from './test-env';
export * from './test-database';
export * from './test-app';
export * from './builders';
export * from './redis-server';
export * from './story';
export * from './app-process';
export * from './redis-cluster';
