import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@qorgau/auth';
import { ProjectionPrisma } from '../database/projection-prisma';

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: ProjectionPrisma) {}

  @Get()
  async health(): Promise<{ status: 'ok'; generation: number; eventsApplied: number; lastAppliedAt: string | null }> {
    try {
      const [row] = await this.prisma.$queryRawUnsafe<{ generation: number; events_applied: bigint; last_applied_at: Date | null }[]>(
        `SELECT generation, events_applied, last_applied_at FROM projection_generation WHERE status = 'ACTIVE' LIMIT 1`,
      );
      return { status: 'ok', generation: row?.generation ?? 0, eventsApplied: Number(row?.events_applied ?? 0), lastAppliedAt: row?.last_applied_at?.toISOString() ?? null };
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'database unavailable' });
    }
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
