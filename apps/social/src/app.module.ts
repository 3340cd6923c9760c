import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@qorgau/contracts';
import { ServiceKitModule } from '@qorgau/service-kit';
import { SocialPrisma } from './database/social-prisma';
import { SheltersModule } from './shelters/shelters.module';
import type { SocialConfig } from './social.config';
import { StaysModule } from './stays/stays.module';

@Module({})
export class SocialModule {
  static withConfig(config: SocialConfig): DynamicModule {
    return {
      module: SocialModule,
      imports: [ServiceKitModule.forRoot({ name: 'social', config, prisma: SocialPrisma, produces: [TOPICS.social], personalData: true, followsErasures: true }), SheltersModule, StaysModule],
    };
  }
}
