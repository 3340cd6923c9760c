import { isRegional, ROLES, type Role } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';

export interface LocalUser {
  readonly username: string;
  readonly role: Role;
  readonly region: RegionCode | null;
}

/**
 * One user per role and region for the local platform: `hotline-operator.kz-79`, `lawyer.kz-71`,
 * …, and `hq-analyst`, `administrator`. Usernames name a role, never a person.
 */
export function localUsers(regions: readonly RegionCode[]): LocalUser[] {
  return ROLES.flatMap((role): LocalUser[] => {
    const slug = role.toLowerCase().replaceAll('_', '-');
    return isRegional(role) ? regions.map((region) => ({ username: `${slug}.${region.toLowerCase()}`, role, region })) : [{ username: slug, role, region: null }];
  });
}
