import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@qorgau/auth';
import { ProjectionPrisma } from '../database/projection-prisma';
import { freshness } from '../generations/generations';

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: ProjectionPrisma) {}

  @Get()
  async health(): Promise<{ status: 'ok'; generation: number; eventsApplied: number; lastAppliedAt: string | null }> {
    try {
      return { status: 'ok', ...(await freshness(this.prisma)) };
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
