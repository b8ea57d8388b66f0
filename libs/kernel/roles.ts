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

export const STAFF_ROLES: Role[] = ['reviewer', 'senior_reviewer', 'finance', 'enforcement', 'admin'];

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  roles.some((r) => actor.roles.includes(r));
export const isStaff = (actor: Actor): boolean => hasRole(actor, ...STAFF_ROLES);
