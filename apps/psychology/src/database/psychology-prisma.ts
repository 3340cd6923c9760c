import { ServicePrisma } from '@qorgau/service-kit';
import { PrismaClient } from '../generated/prisma/client';

/** Psychology's own database; no other service connects to it. */
export class PsychologyPrisma extends ServicePrisma(PrismaClient) {}

export type PsychologyTx = Parameters<Parameters<PsychologyPrisma['$transaction']>[0]>[0];
