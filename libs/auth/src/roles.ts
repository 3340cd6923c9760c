import { z } from 'zod';

/**
 * Who may do what is decided by role and region. Regional roles act only in their own region;
 * HQ analysts see aggregates of every region and no personal data; administrators run the system.
 * Shelter staff are held further, to the one shelter their regional manager assigns them to
 * (social services keep the assignment).
 */
export const ROLES = ['HOTLINE_OPERATOR', 'LAWYER', 'PSYCHOLOGIST', 'SOCIAL_WORKER', 'SHELTER_STAFF', 'OUTREACH_COORDINATOR', 'REGIONAL_MANAGER', 'HQ_ANALYST', 'ADMINISTRATOR'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** Roles bound to one regional office: their tokens carry the region. */
export const REGIONAL_ROLES: readonly Role[] = ['HOTLINE_OPERATOR', 'LAWYER', 'PSYCHOLOGIST', 'SOCIAL_WORKER', 'SHELTER_STAFF', 'OUTREACH_COORDINATOR', 'REGIONAL_MANAGER'];

export const isRegional = (role: Role): boolean => REGIONAL_ROLES.includes(role);
