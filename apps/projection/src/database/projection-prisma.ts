import { PrismaPg } from '@prisma/adapter-pg';
import { DATABASE_WAIT_MS } from '@qorgau/messaging';
import { PrismaClient } from '../generated/prisma/client';

/** The projection's own database: counts only. Used by the HTTP service and the rebuild command. */
export class ProjectionPrisma extends PrismaClient {
  constructor(databaseUrl: string) {
    super({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: DATABASE_WAIT_MS }) });
  }
}

export type ProjectionTx = Parameters<Parameters<ProjectionPrisma['$transaction']>[0]>[0];
