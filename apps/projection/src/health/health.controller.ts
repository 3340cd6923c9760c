import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@qorgau/auth';
import { ApiZodResponse } from '@qorgau/platform';
import { liveness } from '@qorgau/service-kit';
import { ProjectionPrisma } from '../database/projection-prisma';
import { projectionHealth } from '../read-api/views.responses';
import { freshness } from '../generations/generations';

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: ProjectionPrisma) {}

  @Get()
  @ApiZodResponse(200, projectionHealth, 'The views’ database answers; how fresh the views are')
  async health(): Promise<{ status: 'ok'; generation: number; eventsApplied: number; lastAppliedAt: string | null }> {
    try {
      return { status: 'ok', ...(await freshness(this.prisma)) };
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }

  @Get('live')
  @ApiZodResponse(200, liveness, 'The process runs')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
