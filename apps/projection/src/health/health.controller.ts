import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Public } from '@qorgau/auth';
import { ApiZodResponse } from '@qorgau/platform';
import { liveness } from '@qorgau/service-kit';
import { ProjectionPrisma } from '../database/projection-prisma';
import { freshness } from '../generations/generations';
import { projectionHealth } from './health.responses';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: ProjectionPrisma) {}

  /** Readiness: the views' database answers. Says no more to the public. */
  @Public()
  @Get()
  @ApiZodResponse(200, liveness, 'The views’ database answers')
  async health(): Promise<{ status: 'ok' }> {
    await this.read();
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
  @ApiZodResponse(200, projectionHealth, 'The views’ generation, events applied and the latest one’s time')
  async details(): Promise<{ status: 'ok'; generation: number; eventsApplied: number; lastAppliedAt: string | null }> {
    return { status: 'ok', ...(await this.read()) };
  }

  private async read() {
    try {
      return await freshness(this.prisma);
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }
}
