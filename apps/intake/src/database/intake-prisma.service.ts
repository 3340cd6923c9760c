import { ServicePrisma } from '@qorgau/service-kit';
import { PrismaClient } from '../generated/prisma/client';

/** Intake's own database; no other service connects to it. */
export class IntakePrisma extends ServicePrisma(PrismaClient) {}

export type IntakeTx = Parameters<Parameters<IntakePrisma['$transaction']>[0]>[0];
