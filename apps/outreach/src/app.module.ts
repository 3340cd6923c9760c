import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@qorgau/contracts';
import { ServiceKitModule } from '@qorgau/service-kit';
import { ActivitiesModule } from './activities/activities.module';
import { OutreachPrisma } from './database/outreach-prisma';
import type { OutreachConfig } from './outreach.config';

@Module({})
export class OutreachModule {
  static withConfig(config: OutreachConfig): DynamicModule {
    return {
      module: OutreachModule,
      imports: [ServiceKitModule.forRoot({ name: 'outreach', config, prisma: OutreachPrisma, produces: [TOPICS.outreach] }), ActivitiesModule],
    };
  }
}
