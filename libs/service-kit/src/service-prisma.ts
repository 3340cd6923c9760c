import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { DATABASE_WAIT_MS } from '@qorgau/messaging';
import { SERVICE_CONFIG, type ServiceKitConfig } from './service-config';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each generated client has its own options type
type PrismaClientClass = new (...args: any[]) => { $disconnect(): Promise<void> };

/**
 * A service's own Prisma client as a Nest provider: `class LegalPrisma extends ServicePrisma(PrismaClient) {}`.
 * Each service passes the client generated from its own schema; no service connects to another's database.
 */
export function ServicePrisma<C extends PrismaClientClass>(Client: C) {
  @Injectable()
  class Connected extends Client implements OnApplicationShutdown {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's rule for mixin constructors
    constructor(...args: any[]) {
      const [config] = args as [ServiceKitConfig];
      super({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL, max: 10, connectionTimeoutMillis: DATABASE_WAIT_MS }) });
    }

    // The last thing to close: the outbox relay and consumers stop (onModuleDestroy) before the database goes.
    async onApplicationShutdown(): Promise<void> {
      await this.$disconnect();
    }
  }
  Inject(SERVICE_CONFIG)(Connected, undefined, 0);
  return Connected as unknown as new (config: ServiceKitConfig) => InstanceType<C> & OnApplicationShutdown;
}
