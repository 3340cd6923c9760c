import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '@qorgau/auth';
import type { SqlClient } from '@qorgau/messaging';
import { ApiZodQuery, ApiZodResponse, ZodValidationPipe } from '@qorgau/platform';
import { SERVICE_DB } from './tokens';

const auditQuery = z
  .object({
    recordId: z.uuid().optional().describe('One record'),
    actor: z.string().max(200).optional().describe('One user'),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    action: z.enum(['READ', 'CREATE', 'UPDATE', 'ERASE', 'REFUSED']).optional().describe('One kind of access'),
    before: z
      .string()
      .regex(/^\d{1,19}$/, 'must be the id of an entry')
      .optional()
      .describe('The next page: entries older than this id (the last id of the page before)'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

const auditEntries = z.array(
  z.object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    actor: z.string(),
    actorRole: z.string(),
    actorRegion: z.string().nullable(),
    action: z.string(),
    recordType: z.string(),
    recordId: z.string(),
    operation: z.string(),
    sourceIp: z.string().nullable(),
    correlationId: z.string(),
  }),
);

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  actorRole: string;
  actorRegion: string | null;
  action: string;
  recordType: string;
  recordId: string;
  operation: string;
  sourceIp: string | null;
  correlationId: string;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@Inject(SERVICE_DB) private readonly db: SqlClient) {}

  @Get()
  @Access({ roles: ['ADMINISTRATOR'] })
  @ApiOperation({ summary: "The audit trail of this service's records: who read or changed what, when and from where (newest first)" })
  @ApiZodQuery(auditQuery)
  @ApiZodResponse(200, auditEntries, 'Audit entries, newest first')
  async entries(@Query(new ZodValidationPipe(auditQuery)) query: z.output<typeof auditQuery>) {
    const rows = await this.db.$queryRawUnsafe<AuditRow[]>(
      `SELECT id::text AS id, at, actor, actor_role AS "actorRole", actor_region AS "actorRegion", action, record_type AS "recordType",
              record_id::text AS "recordId", operation, source_ip AS "sourceIp", correlation_id::text AS "correlationId"
         FROM audit_entry
        WHERE ($1::uuid IS NULL OR record_id = $1::uuid)
          AND ($2::text IS NULL OR actor = $2)
          AND ($3::timestamptz IS NULL OR at >= $3::timestamptz)
          AND ($4::timestamptz IS NULL OR at <= $4::timestamptz)
          AND ($5::text IS NULL OR action = $5)
          AND ($6::bigint IS NULL OR id < $6::bigint)
        ORDER BY id DESC
        LIMIT $7`,
      query.recordId ?? null,
      query.actor ?? null,
      query.from ?? null,
      query.to ?? null,
      query.action ?? null,
      query.before ?? null,
      query.limit,
    );
    return rows.map(({ at, ...entry }) => ({ ...entry, at: at.toISOString() }));
  }
}
