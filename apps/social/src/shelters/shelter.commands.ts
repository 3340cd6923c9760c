import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { UnreadableFieldError, type Principal } from '@qorgau/auth';
import { RegionCodeSchema } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import { binding, Commands, found, PersonalData, type RegionListQuery } from '@qorgau/service-kit';
import { SocialPrisma, type SocialTx } from '../database/social-prisma';
import { ShelterStaff } from './shelter-staff';
import { FUNDING_SOURCES, type ShelterRequest, type StaffAssignment } from './shelter.requests';

const FundingSchema = z.array(z.enum(FUNDING_SOURCES));

const RECORD = 'SHELTER';

/** The region's shelters: created by the regional manager, their addresses sealed like a person's data. */
@Injectable()
export class ShelterCommands {
  constructor(
    private readonly commands: Commands<SocialTx>,
    private readonly prisma: SocialPrisma,
    private readonly personal: PersonalData,
    private readonly staff: ShelterStaff,
  ) {}

  create(request: ShelterRequest, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const { region, name, capacity, funding, address } = request;
    return this.commands.run(principal, context, 'CREATE', { type: RECORD, id, operation: 'OpenShelter' }, async (tx) => {
      const sealed = await this.personal.sealNew('shelter', id, { address });
      await tx.shelter.create({ data: { id, region, name, capacity, funding, address: sealed.address, personKeyId: sealed.personKeyId, createdBy: principal.subject } });
      return { region, result: { id, region, name, capacity, funding } };
    });
  }

  /**
   * The regional manager assigns a staff account to one shelter of the region (moving it from any
   * other), or takes it off this one, after which it reaches no shelter.
   */
  assignStaff(shelterId: string, request: StaffAssignment, context: RequestContext, principal: Principal) {
    const { account, assigned } = request;
    return this.commands.run(principal, context, 'UPDATE', { type: RECORD, id: shelterId, operation: assigned ? 'AssignShelterStaff' : 'RemoveShelterStaff' }, async (tx) => {
      const shelter = found(await tx.shelter.findUnique({ where: { id: shelterId } }), 'no such shelter', principal);
      const assignment = { shelterId, assignedBy: principal.subject, assignedAt: context.now };
      if (assigned) await tx.shelterStaff.upsert({ where: { subject: account }, create: { subject: account, ...assignment }, update: assignment });
      else await tx.shelterStaff.deleteMany({ where: { subject: account, shelterId } });
      return { region: RegionCodeSchema.parse(shelter.region), result: { shelterId, account, assigned } };
    });
  }

  /**
   * A shelter's address, opened for its regional manager or its own staff. One sealed under a service key since
   * destroyed reads as null: the board still shows every shelter and its beds.
   */
  private async address(row: { id: string; personKeyId: string | null; address: string | null }): Promise<string | null> {
    try {
      return this.personal.open(await this.personal.keyOf(row.personKeyId), binding('shelter', row.id, 'address'), row.address);
    } catch (error) {
      if (error instanceof UnreadableFieldError) return null;
      throw error;
    }
  }

  /**
   * The shelters of a region with their beds taken and free (audited); the address for the regional
   * manager and the shelter's own staff, who see their shelter alone (none until assigned).
   */
  async board(query: RegionListQuery, context: RequestContext, principal: Principal) {
    const hold = await this.staff.holdOf(principal);
    const manager = principal.role === 'REGIONAL_MANAGER';
    const rows = await this.commands.list(principal, context, { type: RECORD, operation: 'ListShelters', what: 'shelters' }, query.region, (region) =>
      hold.heldTo === 'unassigned'
        ? Promise.resolve([])
        : this.prisma.shelter.findMany({
            where: { region, ...(hold.heldTo === 'shelter' ? { id: hold.shelterId } : {}) },
            orderBy: { name: 'asc' },
            take: query.limit,
            include: {
              _count: { select: { stays: { where: { admittedAt: { not: null }, dischargedAt: null } } } },
              staff: { select: { subject: true }, orderBy: { subject: 'asc' } },
            },
          }),
    );
    const mayReadAddress = manager || hold.heldTo === 'shelter';
    return {
      shelters: await Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          region: RegionCodeSchema.parse(row.region),
          name: row.name,
          capacity: row.capacity,
          funding: FundingSchema.parse(row.funding),
          residents: row._count.stays,
          freeBeds: Math.max(0, row.capacity - row._count.stays),
          address: mayReadAddress ? await this.address(row) : null,
          staff: manager ? row.staff.map((s) => s.subject) : null,
        })),
      ),
    };
  }
}
