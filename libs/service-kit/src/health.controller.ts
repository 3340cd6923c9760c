import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@qorgau/auth';
import { OutboxRelay } from '@qorgau/messaging';
import { ApiZodResponse } from '@qorgau/platform';

const serviceHealth = z.object({ status: z.literal('ok'), outboxPending: z.number().int().describe('Events waiting in the outbox for Kafka') });
export const liveness = z.object({ status: z.literal('ok') });

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly relay: OutboxRelay) {}

  /** Liveness and readiness: the database answers. Kafka being down is not unhealthy, only delayed. */
  @Get()
  @ApiZodResponse(200, serviceHealth, 'The database answers')
  async health(): Promise<{ status: 'ok'; outboxPending: number }> {
    try {
      return { status: 'ok', outboxPending: await this.relay.pendingCount() };
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }

  /** For probes that should not touch the database. */
  @Get('live')
  @ApiZodResponse(200, liveness, 'The process runs')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
