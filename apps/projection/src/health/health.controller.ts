import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Access, Public } from '@qorgau/auth';
import { ApiZodResponse } from '@qorgau/platform';
import { liveness } from '@qorgau/service-kit';
import { ProjectionPrisma } from '../database/projection-prisma';
import { freshness } from '../generations/generations';
import { LiveProjection } from '../generations/live-projection';
import { projectionHealth } from './health.responses';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: ProjectionPrisma,
    private readonly projection: LiveProjection,
  ) {}

  /**
   * Readiness: the views' database answers and the projection consumes (a new instance takes no
   * traffic before it keeps the views). Says no more to the public.
   */
  @Public()
  @Get()
  @ApiZodResponse(200, liveness, 'The views’ database answers and the events are being consumed')
  @ApiServiceUnavailableResponse({ description: 'The views’ database is away, or the consumer has not joined its group yet' })
  async health(): Promise<{ status: 'ok' }> {
    await this.read();
    if (!this.projection.status().consuming) throw new ServiceUnavailableException({ statusCode: 503, message: 'not consuming events yet' });
    return { status: 'ok' };
  }

  @Public()
  @Get('live')
  @ApiZodResponse(200, liveness, 'The process runs')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** What operators watch: the active generation and how fresh it is. */
  @Get('details')
  @Access({ roles: ['ADMINISTRATOR'] })
  @ApiOperation({ summary: 'Health with the views’ generation and freshness (administrators)' })
  @ApiZodResponse(200, projectionHealth, 'The views’ generation, events applied, the latest one’s time, and whether and how far behind the consumer is')
  async details() {
    return { status: 'ok' as const, ...(await this.read()), ...this.projection.status() };
  }

  private async read() {
    try {
      return await freshness(this.prisma);
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }
}
