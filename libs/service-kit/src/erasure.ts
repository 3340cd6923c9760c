import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { assertRegion, type Principal } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';
import type { TransactionalSqlClient } from '@qorgau/messaging';
import type { RequestContext } from '@qorgau/platform';
import { audit } from './audit-trail';
import { PersonalData } from './personal-data';
import { SERVICE_DB } from './tokens';

/** A table whose rows hold one person's sealed fields: it has `id`, `region` and `person_key_id`. */
export interface ErasableRecord {
  readonly table: string;
  /** How the record is named in messages ("case") and in the audit trail (VICTIM_CASE). */
  readonly label: string;
  readonly recordType: string;
  readonly operation: string;
}

/**
 * Erasure on request: destroys the person's key (crypto-shredding) and audits it, in one
 * transaction. The record's categories, its events and every statistic stay as they are.
 */
@Injectable()
export class ErasePersonalData {
  constructor(
    @Inject(SERVICE_DB) private readonly db: TransactionalSqlClient,
    private readonly personal: PersonalData,
  ) {}

  execute(record: ErasableRecord, id: string, principal: Principal, context: RequestContext): Promise<{ id: string; personalDataErased: true }> {
    return this.db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ region: string; person_key_id: string | null }[]>(`SELECT region, person_key_id::text FROM ${record.table} WHERE id = $1::uuid`, id);
      const row = rows[0];
      if (!row) throw new NotFoundException({ statusCode: 404, message: `no ${record.label} ${id}` });
      assertRegion(principal, row.region as RegionCode);
      if (row.person_key_id) await this.personal.erase(tx, row.person_key_id);
      await audit(tx, principal, context, 'ERASE', { type: record.recordType, id }, record.operation);
      return { id, personalDataErased: true as const };
    });
  }
}
