import { Injectable, NotFoundException } from '@nestjs/common';
import { assertRegion, auditEntry, type Principal } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import { IntakePrisma, type IntakeTx } from '../database/intake-prisma.service';
import { PersonalData } from './personal-data';

/** The records that hold a person's details, and how to find one's region and key. */
const RECORDS = {
  HOTLINE_CALL: { label: 'hotline call', operation: 'EraseCaller', find: (tx: IntakeTx, id: string) => tx.hotlineCall.findUnique({ where: { id } }) },
  VICTIM_CASE: { label: 'case', operation: 'EraseSubject', find: (tx: IntakeTx, id: string) => tx.victimCase.findUnique({ where: { id } }) },
} as const;

export type ErasableRecord = keyof typeof RECORDS;

/**
 * Erasure on request: destroys the person's key (crypto-shredding) and audits it, in one
 * transaction. The record's categories, its events and every statistic stay as they are.
 */
@Injectable()
export class ErasePersonalData {
  constructor(
    private readonly prisma: IntakePrisma,
    private readonly personal: PersonalData,
  ) {}

  execute(type: ErasableRecord, id: string, principal: Principal, context: RequestContext): Promise<{ id: string; personalDataErased: true }> {
    const record = RECORDS[type];
    return this.prisma.$transaction(async (tx) => {
      const row = await record.find(tx, id);
      if (!row) throw new NotFoundException({ statusCode: 404, message: `no ${record.label} ${id}` });
      assertRegion(principal, row.region as RegionCode);
      if (row.personKeyId) await this.personal.erase(tx, row.personKeyId);
      await tx.auditEntry.create({ data: auditEntry(principal, context, 'ERASE', { type, id }, record.operation) });
      return { id, personalDataErased: true as const };
    });
  }
}
