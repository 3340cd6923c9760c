import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@qorgau/contracts';
import { ServiceKitModule } from '@qorgau/service-kit';
import { ConsultationsModule } from './consultations/consultations.module';
import { PsychologyPrisma } from './database/psychology-prisma';
import type { PsychologyConfig } from './psychology.config';
import { RehabilitationModule } from './rehabilitation/rehabilitation.module';

@Module({})
export class PsychologyModule {
  static withConfig(config: PsychologyConfig): DynamicModule {
    return {
      module: PsychologyModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'psychology', config, prisma: PsychologyPrisma, produces: [TOPICS.psychology], personalData: true, followsErasures: true }),
        ConsultationsModule,
        RehabilitationModule,
      ],
    };
  }
}
