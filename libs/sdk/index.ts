export * from './client';
export * from './problem';
export * from './pages';
export type { components, operations, paths, webhooks } from './schema';
