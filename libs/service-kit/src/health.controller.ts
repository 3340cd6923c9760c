import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@qorgau/auth';
import { OutboxRelay } from '@qorgau/messaging';

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly relay: OutboxRelay) {}

  /** Liveness and readiness: the database answers. Kafka being down is not unhealthy, only delayed. */
  @Get()
  async health(): Promise<{ status: 'ok'; outboxPending: number }> {
    try {
      return { status: 'ok', outboxPending: await this.relay.pendingCount() };
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }

  /** For probes that should not touch the database. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
