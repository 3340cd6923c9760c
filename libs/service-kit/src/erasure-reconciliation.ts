import { Controller, HttpCode, Inject, Injectable, Logger, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '@qorgau/auth';
import type { EventEnvelope } from '@qorgau/contracts';
import type { SqlClient } from '@qorgau/messaging';
import { ApiZodResponse } from '@qorgau/platform';
import { DomainEventsServer } from './domain-events';
import { SERVICE_DB } from './tokens';

export const reconciliationResult = z.object({
  reconciled: z.number().int().describe('Erasures applied now'),
  remaining: z.number().int().describe('Erasures that still fail (see the service log), to try again'),
});

const logger = new Logger('ErasureReconciliation');

/**
 * A victim's erasure this service could not apply goes to the dead-letter topic like any event; but
 * a promise to forget someone cannot stay in a dead-letter topic. It is kept in
 * `unreconciled_erasure` (no personal data: the case id and the event), counted by /health/details,
 * and applied again — through the same handler, claimed once — by POST /erasures/reconciliation.
 */
@Injectable()
export class ErasureReconciliation {
  constructor(
    @Inject(SERVICE_DB) private readonly db: SqlClient,
    private readonly events: DomainEventsServer,
  ) {
    events.whenDeadLettered((event, reason) => this.remember(event, reason));
  }

  async remember(event: EventEnvelope, reason: string): Promise<void> {
    if (event.type !== 'VictimDataErased') return;
    await this.db.$executeRawUnsafe(
      `INSERT INTO unreconciled_erasure (event_id, case_id, envelope, reason) VALUES ($1::uuid, $2::uuid, $3::jsonb, $4) ON CONFLICT (event_id) DO UPDATE SET reason = EXCLUDED.reason, failed_at = now()`,
      event.id,
      event.payload.caseId,
      JSON.stringify(event),
      reason.slice(0, 1000),
    );
    logger.error(`the erasure of case ${event.payload.caseId} could not be applied; retry with POST /erasures/reconciliation`);
  }

  async count(): Promise<number> {
    const [row] = await this.db.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM unreconciled_erasure');
    return row?.n ?? 0;
  }

  async reconcile(): Promise<z.output<typeof reconciliationResult>> {
    const rows = await this.db.$queryRawUnsafe<{ event_id: string; envelope: EventEnvelope }[]>('SELECT event_id::text, envelope FROM unreconciled_erasure ORDER BY failed_at');
    let reconciled = 0;
    for (const row of rows) {
      try {
        await this.events.handle([row.envelope]);
        await this.db.$executeRawUnsafe('DELETE FROM unreconciled_erasure WHERE event_id = $1::uuid', row.event_id);
        reconciled++;
      } catch (error) {
        logger.error(`the erasure event ${row.event_id} still fails: ${error instanceof Error ? error.name : 'error'}`);
      }
    }
    return { reconciled, remaining: rows.length - reconciled };
  }
}

@ApiTags('erasures')
@Controller('erasures')
export class ErasureReconciliationController {
  constructor(private readonly erasures: ErasureReconciliation) {}

  @Post('reconciliation')
  @HttpCode(200)
  @Access({ roles: ['ADMINISTRATOR'] })
  @ApiOperation({ summary: 'Apply again the victims’ erasures this service could not apply (administrators)', description: '/health/details counts those still waiting.' })
  @ApiZodResponse(200, reconciliationResult, 'How many were applied now, and how many still fail')
  reconcile(): Promise<z.output<typeof reconciliationResult>> {
    return this.erasures.reconcile();
  }
}
