import { ServicePrisma } from '@qorgau/service-kit';
import { PrismaClient } from '../generated/prisma/client';

/** Outreach's own database; no other service connects to it. */
export class OutreachPrisma extends ServicePrisma(PrismaClient) {}

export type OutreachTx = Parameters<Parameters<OutreachPrisma['$transaction']>[0]>[0];
