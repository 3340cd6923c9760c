import { ForbiddenException, Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import { SocialPrisma, type SocialTx } from '../database/social-prisma';

/**
 * What a shelter's own staff may reach: their one shelter (its address, beds and stays) and the
 * region's admission queue, from which they admit to it; nothing while unassigned. Every other role
 * is held to no shelter (`any`): its role and region decide, as elsewhere.
 */
export type ShelterHold = { readonly heldTo: 'any' } | { readonly heldTo: 'shelter'; readonly shelterId: string } | { readonly heldTo: 'unassigned' };

@Injectable()
export class ShelterStaff {
  constructor(private readonly prisma: SocialPrisma) {}

  /** Shelter staff are held to their shelter, or reach nothing until assigned; other roles are not held here. */
  async holdOf(principal: Principal, db: SocialTx | SocialPrisma = this.prisma): Promise<ShelterHold> {
    if (principal.role !== 'SHELTER_STAFF') return { heldTo: 'any' };
    const row = await db.shelterStaff.findUnique({ where: { subject: principal.subject } });
    return row ? { heldTo: 'shelter', shelterId: row.shelterId } : { heldTo: 'unassigned' };
  }

  /**
   * Refuses (403) a stay outside the staff member's shelter: theirs, or one still waiting in the
   * region's queue; `admitTo` is the shelter an admission would place the victim in.
   */
  assertMayWorkOn(hold: ShelterHold, principal: Principal, stay: { readonly shelterId: string | null }, admitTo?: string): void {
    if (hold.heldTo === 'any') return;
    if (hold.heldTo === 'unassigned') throw unassigned(principal);
    const queued = stay.shelterId === null;
    if (!queued && stay.shelterId !== hold.shelterId) throw forbidden('this stay is at another shelter: shelter staff work on the stays of their own shelter');
    if (admitTo !== undefined && admitTo !== hold.shelterId) throw forbidden('shelter staff admit to their own shelter only');
  }
}

const forbidden = (message: string) => new ForbiddenException({ statusCode: 403, error: 'Forbidden', message });
const unassigned = (principal: Principal) => forbidden(`your account ${principal.subject} is not assigned to a shelter yet: ask your regional manager to assign it`);
