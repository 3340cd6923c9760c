import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';

/** Intake's own database; no other service connects to it. */
@Injectable()
export class IntakePrisma extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(INTAKE_CONFIG) config: IntakeConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL, max: 10 }) });
  }

  // The last thing to close: the outbox relay stops (onModuleDestroy) before its database goes.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

export type IntakeTx = Parameters<Parameters<IntakePrisma['$transaction']>[0]>[0];
