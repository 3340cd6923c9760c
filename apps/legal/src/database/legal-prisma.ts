import { ServicePrisma } from '@qorgau/service-kit';
import { PrismaClient } from '../generated/prisma/client';

/** Legal's own database; no other service connects to it. */
export class LegalPrisma extends ServicePrisma(PrismaClient) {}

export type LegalTx = Parameters<Parameters<LegalPrisma['$transaction']>[0]>[0];
