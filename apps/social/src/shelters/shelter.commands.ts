import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { UnreadableFieldError, type Principal } from '@qorgau/auth';
import { RegionCodeSchema } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import { binding, Commands, PersonalData, type RegionListQuery } from '@qorgau/service-kit';
import { SocialPrisma, type SocialTx } from '../database/social-prisma';
import { FUNDING_SOURCES, type ShelterRequest } from './shelter.requests';

const FundingSchema = z.array(z.enum(FUNDING_SOURCES));

const RECORD = 'SHELTER';

/** The region's shelters: created by the regional manager, their addresses sealed like a person's data. */
@Injectable()
export class ShelterCommands {
  constructor(
    private readonly commands: Commands<SocialTx>,
    private readonly prisma: SocialPrisma,
    private readonly personal: PersonalData,
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
   * A shelter's address, opened for its regional manager. One sealed under a service key since
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

  /** The shelters of a region with their beds taken and free; the address only for its regional manager (audited). */
  async board(query: RegionListQuery, context: RequestContext, principal: Principal) {
    const rows = await this.commands.list(principal, context, { type: RECORD, operation: 'ListShelters', what: 'shelters' }, query.region, (region) =>
      this.prisma.shelter.findMany({
        where: { region },
        orderBy: { name: 'asc' },
        take: query.limit,
        include: { _count: { select: { stays: { where: { admittedAt: { not: null }, dischargedAt: null } } } } },
      }),
    );
    const mayReadAddress = principal.role === 'REGIONAL_MANAGER';
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
        })),
      ),
    };
  }
}
