export * from './appeal-state-machine';
export * from './priority';
export * from './sla';
export * from './queue-order';
