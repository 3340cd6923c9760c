import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, Public } from '@qorgau/auth';
import { OutboxRelay } from '@qorgau/messaging';
import { ApiZodResponse } from '@qorgau/platform';

export const liveness = z.object({ status: z.literal('ok') });
const outboxHealth = z.object({ status: z.literal('ok'), outboxPending: z.number().int().describe('Events waiting in the outbox for Kafka') });

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly relay: OutboxRelay) {}

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
  @ApiOperation({ summary: 'Health with the outbox backlog (administrators)' })
  @ApiZodResponse(200, outboxHealth, 'The database answers; the events still waiting for Kafka')
  async details(): Promise<z.output<typeof outboxHealth>> {
    return { status: 'ok', outboxPending: await this.pending() };
  }

  private async pending(): Promise<number> {
    try {
      return await this.relay.pendingCount();
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }
}
