import { z } from 'zod';
import { RegionCodeSchema, type RegionCode } from '@qorgau/contracts';
import { isRegional, RoleSchema, type Role } from './roles';

/** The authenticated caller: a pseudonymous subject, a role and, for regional roles, a region. */
export interface Principal {
  readonly subject: string;
  readonly role: Role;
  readonly region: RegionCode | null;
}

/** Qorgau's claims in an access token, beside the standard iss, aud, exp and sub. */
export const QorgauClaimsSchema = z
  .object({
    sub: z.string().min(1).max(200),
    role: RoleSchema,
    region: RegionCodeSchema.optional(),
  })
  .refine((claims) => !isRegional(claims.role) || claims.region !== undefined, { message: 'a regional role needs a region', path: ['region'] })
  .refine((claims) => isRegional(claims.role) || claims.region === undefined, { message: 'a national role has no region', path: ['region'] });

export function principalFromClaims(claims: unknown): Principal | null {
  const parsed = QorgauClaimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  return { subject: parsed.data.sub, role: parsed.data.role, region: parsed.data.region ?? null };
}
