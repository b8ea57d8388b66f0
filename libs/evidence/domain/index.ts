export * from './evidence';
export * from './evidence-access';
export * from './file-name';
export * from './text-kind';
