import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@qorgau/contracts';
import { ServiceKitModule } from '@qorgau/service-kit';
import { CaseDatasetModule } from './case-dataset/case-dataset.module';
import { CasesModule } from './cases/cases.module';
import { IntakePrisma } from './database/intake-prisma.service';
import { HotlineCallsModule } from './hotline-calls/hotline-calls.module';
import type { IntakeConfig } from './intake.config';

@Module({})
export class IntakeModule {
  static withConfig(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [ServiceKitModule.forRoot({ name: 'intake', config, prisma: IntakePrisma, produces: [TOPICS.intake], personalData: true }), HotlineCallsModule, CasesModule, CaseDatasetModule],
    };
  }
}
