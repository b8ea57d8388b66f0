export * from './redis.module';
export * from './queue-names';
export * from './queue-gauges';
