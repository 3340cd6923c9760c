import { Controller, Get, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, Public } from '@qorgau/auth';
import { OutboxRelay } from '@qorgau/messaging';
import { ApiZodResponse } from '@qorgau/platform';
import { ErasureReconciliation } from './erasure-reconciliation';
import { PersonalData } from './personal-data';

export const liveness = z.object({ status: z.literal('ok') });
const outboxHealth = z.object({
  status: z.literal('ok'),
  outboxPending: z.number().int().describe('Events waiting in the outbox for Kafka'),
  unreconciledErasures: z.number().int().optional().describe("Victims' erasures this service could not apply yet (legal, psychology): POST /erasures/reconciliation"),
  personKeysOnPreviousServiceKeys: z.number().int().optional().describe('Person keys still wrapped by a former PERSONAL_DATA_KEY: POST /personal-data/key-rotation'),
});

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly relay: OutboxRelay,
    @Optional() private readonly erasures?: ErasureReconciliation,
    @Optional() private readonly personal?: PersonalData,
  ) {}

  /** Readiness: the database answers. Kafka being down is not unhealthy, only delayed. Says no more to the public. */
  @Public()
  @Get()
  @ApiZodResponse(200, liveness, 'The database answers')
  async health(): Promise<z.output<typeof liveness>> {
    await this.pending();
    return { status: 'ok' };
  }

  /** For probes that should not touch the database. */
  @Public()
  @Get('live')
  @ApiZodResponse(200, liveness, 'The process runs')
  live(): z.output<typeof liveness> {
    return { status: 'ok' };
  }

  /** What operators watch: how many events wait for Kafka. */
  @Get('details')
  @Access({ roles: ['ADMINISTRATOR'] })
  @ApiOperation({ summary: 'Health with the outbox backlog, unreconciled erasures and person keys on a former service key (administrators)' })
  @ApiZodResponse(200, outboxHealth, 'The database answers; the events still waiting for Kafka')
  async details(): Promise<z.output<typeof outboxHealth>> {
    const outboxPending = await this.pending();
    return {
      status: 'ok',
      outboxPending,
      ...(this.erasures ? { unreconciledErasures: await this.erasures.count() } : {}),
      ...(this.personal ? { personKeysOnPreviousServiceKeys: await this.personal.keysOnPreviousServiceKeys() } : {}),
    };
  }

  /** The outbox backlog; the person keys' database must answer too where the service keeps personal data. */
  private async pending(): Promise<number> {
    try {
      const [pending] = await Promise.all([this.relay.pendingCount(), this.personal?.ping()]);
      return pending;
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }
}
