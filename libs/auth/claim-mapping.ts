import { ROLES, type Role } from '@redress/kernel';

export interface ClaimMappingSettings {
  /** Dot paths of the claims that hold the roles and the subject. */
  rolesClaim: string;
  subjectClaim: string;
  /** The Redress roles each of the identity provider's names stands for; null: names are Redress roles. */
  roleMap: ReadonlyMap<string, readonly Role[]> | null;
}

/** Reads who the caller is and what roles they hold from the claims of a verified token. */
export class ClaimMapping {
  constructor(private readonly settings: ClaimMappingSettings) {}

  subject(claims: object): unknown {
    return claimAt(claims, this.settings.subjectClaim);
  }

  roles(claims: object): Role[] {
    const value = claimAt(claims, this.settings.rolesClaim);
    const names = Array.isArray(value)
      ? value.filter((name): name is string => typeof name === 'string')
      : typeof value === 'string'
        ? value.split(/\s+/).filter(Boolean)
        : [];
    const { roleMap } = this.settings;
    const roles = roleMap
      ? names.flatMap((name) => roleMap.get(name) ?? [])
      : names.filter((name): name is Role => (ROLES as readonly string[]).includes(name));
    return [...new Set(roles)];
  }
}

/**
 * The claim at a dot path (`realm_access.roles`). A name may itself hold dots, as namespaced claims do
 * (`https://example.com/roles`): at each level the longest name that is a key of the object and leads to a value wins.
 */
export function claimAt(claims: unknown, path: string): unknown {
  return lookup(claims, path.split('.'));
}

function lookup(value: unknown, segments: string[]): unknown {
  if (segments.length === 0) return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (let take = segments.length; take >= 1; take -= 1) {
    const name = segments.slice(0, take).join('.');
    if (!Object.hasOwn(value, name)) continue;
    const found = lookup((value as Record<string, unknown>)[name], segments.slice(take));
    if (found !== undefined) return found;
  }
  return undefined;
}
