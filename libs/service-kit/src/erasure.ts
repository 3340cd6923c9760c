import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { assertRegion, type Principal } from '@qorgau/auth';
import { type DomainEvent, RegionCodeSchema } from '@qorgau/contracts';
import type { SqlClient, TransactionalOutbox } from '@qorgau/messaging';
import type { RequestContext } from '@qorgau/platform';
import { announce } from './announce';
import { keepAnswer } from './idempotency';
import { audit } from './audit-trail';
import { PersonalData } from './personal-data';
import { EventContext, EventPattern, type EventOf } from './domain-events';
import { OUTBOX, SERVICE_NAME } from './tokens';

/** What an erasure answers. */
export const erasureResult = z.object({ id: z.uuid(), personalDataErased: z.literal(true) });

/** A table whose rows hold one person's sealed fields: it has `id`, `region` and `person_key_id`. */
export interface ErasableRecord {
  readonly table: string;
  /** How the record is named in messages ("case") and in the audit trail (VICTIM_CASE). */
  readonly label: string;
  readonly recordType: string;
  readonly operation: string;
  /** What other services must hear, so they erase what they hold about the same person. */
  readonly announce?: (id: string, erasedAt: Date) => DomainEvent;
}

/**
 * Erasure on request: destroys the person's key (crypto-shredding) and audits it, in one
 * transaction. The record's categories, its events and every statistic stay as they are.
 */
@Injectable()
export class ErasePersonalData {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<SqlClient>,
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly personal: PersonalData,
  ) {}

  execute(record: ErasableRecord, id: string, principal: Principal, context: RequestContext): Promise<{ id: string; personalDataErased: true }> {
    return this.outbox.run(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ region: string; person_key_id: string | null }[]>(`SELECT region, person_key_id::text FROM ${record.table} WHERE id = $1::uuid`, id);
      const row = rows[0];
      if (!row) throw new NotFoundException({ statusCode: 404, message: `no ${record.label} ${id}` });
      assertRegion(principal, RegionCodeSchema.parse(row.region));
      await audit(tx, principal, context, 'ERASE', { type: record.recordType, id }, record.operation);
      const events = record.announce ? announce(this.service, RegionCodeSchema.parse(row.region), context, record.announce(id, context.now)) : [];
      // Last, once the audit entry and the events are in place: the key lives in its own database, so
      // this cannot roll back with them. Should the commit still fail, asking again erases (again) and records it.
      if (row.person_key_id) await this.personal.erase(row.person_key_id);
      const result = { id, personalDataErased: true as const };
      await keepAnswer(tx, context, result);
      return { result, events };
    });
  }
}

/**
 * Follows a victim's erasure in intake: erases what this service holds about the same case (rows of
 * `table` with `case_id` and `person_key_id`), so a request to be forgotten reaches every service.
 * The rows exist by then: the referral that creates them precedes the erasure on intake's topic.
 */
@Injectable()
export abstract class FollowVictimErasure {
  /** The table holding the service's personal data about a case. */
  protected abstract readonly table: string;

  constructor(private readonly personal: PersonalData) {}

  @EventPattern('VictimDataErased')
  async onVictimDataErased(@Payload() event: EventOf<'VictimDataErased'>, @Ctx() context: EventContext): Promise<void> {
    const { tx } = context;
    const rows = await tx.$queryRawUnsafe<{ id: string; person_key_id: string | null }[]>(`SELECT id::text, person_key_id::text FROM ${this.table} WHERE case_id = $1::uuid`, event.payload.caseId);
    for (const row of rows) {
      if (row.person_key_id) {
        // Erasing twice changes nothing, so a redelivery after a failed commit is harmless.
        await this.personal.erase(row.person_key_id);
      } else {
        // Nothing stored yet: the record gets a key erased from the start, a marker that refuses any
        // personal field sent later (never stored under a fresh key, as if nobody had asked to forget).
        await tx.$executeRawUnsafe(`UPDATE ${this.table} SET person_key_id = $2::uuid WHERE id = $1::uuid`, row.id, await this.personal.erasedMarker());
      }
      const actor = { subject: `intake:VictimDataErased:${event.payload.caseId}`, role: 'SYSTEM' as const, region: event.region };
      await audit(tx, actor, { correlationId: event.correlationId, sourceIp: null }, 'ERASE', { type: this.table.toUpperCase(), id: row.id }, 'FollowVictimErasure');
    }
  }
}
