export * from './appeal-state-machine';
export * from './priority';
export * from './sla';
