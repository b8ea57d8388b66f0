export * from './redis.module';
export * from './queue-names';
export * from './queue-gauges';
export * from './redis-connection';
export * from './bull-connection.module';
