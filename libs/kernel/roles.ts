export const ROLES = ['appellant', 'reviewer', 'senior_reviewer', 'finance', 'enforcement', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a person, a machine client, or the worker itself. */
export interface Actor {
  sub: string;
  roles: Role[];
  /** The HTTP request this action came from, carried into outbox rows so it can be followed into the worker. */
  requestId?: string;
}

export const SYSTEM_ACTOR: Actor = { sub: 'system', roles: [] };

/** Every role but the appellant's: the people and machine clients who work on the platform's side. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'appellant');

/** Whether the actor holds one of these roles. What each action needs is in PERMISSIONS (permissions.ts). */
export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  roles.some((r) => actor.roles.includes(r));
