import { ServicePrisma } from '@qorgau/service-kit';
import { PrismaClient } from '../generated/prisma/client';

/** Social services' own database; no other service connects to it. */
export class SocialPrisma extends ServicePrisma(PrismaClient) {}

export type SocialTx = Parameters<Parameters<SocialPrisma['$transaction']>[0]>[0];
