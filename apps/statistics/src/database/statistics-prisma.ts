import { ServicePrisma } from '@qorgau/service-kit';
import { PrismaClient } from '../generated/prisma/client';

/** Statistics's own database; no other service connects to it. */
export class StatisticsPrisma extends ServicePrisma(PrismaClient) {}

export type StatisticsTx = Parameters<Parameters<StatisticsPrisma['$transaction']>[0]>[0];
