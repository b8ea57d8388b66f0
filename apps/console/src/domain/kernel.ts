/**
 * The browser-safe part of @redress/kernel (the rest of it uses node:crypto). The console build points
 * `@redress/kernel` here so that the libs' domain modules the console shares (the appeal state machine,
 * the shapes of suspensions, waves, refunds and reports) bundle unchanged, and so that the console
 * reads who may do what from the same permission table as the API.
 */
export * from '../../../../libs/kernel/domain-error';
export * from '../../../../libs/kernel/clock';
export * from '../../../../libs/kernel/roles';
export * from '../../../../libs/kernel/permissions';
export type { Money } from '../../../../libs/kernel/money';
export * from '../../../../libs/kernel/vocabulary';
export type * from '../../../../libs/kernel/events';
