import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '@qorgau/auth';
import { ApiZodQuery, ZodValidationPipe } from '@qorgau/platform';
import { IntakePrisma } from '../database/intake-prisma.service';

const auditQuery = z
  .object({
    recordId: z.uuid().optional().describe('One hotline call or case'),
    actor: z.string().max(200).optional().describe('One user'),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly prisma: IntakePrisma) {}

  @Get()
  @Access({ roles: ['ADMINISTRATOR'] })
  @ApiOperation({ summary: "The audit trail of victims' records: who read or changed what, when and from where (newest first)" })
  @ApiZodQuery(auditQuery)
  async entries(@Query(new ZodValidationPipe(auditQuery)) query: z.output<typeof auditQuery>) {
    const rows = await this.prisma.auditEntry.findMany({
      where: {
        ...(query.recordId ? { recordId: query.recordId } : {}),
        ...(query.actor ? { actor: query.actor } : {}),
        ...(query.from || query.to ? { at: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lte: new Date(query.to) } : {}) } } : {}),
      },
      orderBy: { id: 'desc' },
      take: query.limit,
    });
    return rows.map(({ id, at, ...entry }) => ({ id: id.toString(), at: at.toISOString(), ...entry }));
  }
}
