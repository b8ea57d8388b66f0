/**
 * The browser-safe part of @redress/kernel (the rest of it uses node:crypto). The console build points
 * `@redress/kernel` here so that libs/appeals/domain/appeal-state-machine.ts bundles unchanged.
 */
export * from '../../../../libs/kernel/domain-error';
export * from '../../../../libs/kernel/clock';
export * from '../../../../libs/kernel/roles';
