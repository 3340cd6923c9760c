import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@qorgau/contracts';
import { ServiceKitModule } from '@qorgau/service-kit';
import { AgencyComplaintsController } from './agency-complaints/agency-complaints.controller';
import { CaseAssistanceModule } from './case-assistance/case-assistance.module';
import { ConsultationsController } from './consultations/consultations.controller';
import { CriminalProceedingsController } from './criminal-proceedings/criminal-proceedings.controller';
import { LegalPrisma } from './database/legal-prisma';
import type { LegalConfig } from './legal.config';

@Module({})
export class LegalModule {
  static withConfig(config: LegalConfig): DynamicModule {
    return {
      module: LegalModule,
      imports: [ServiceKitModule.forRoot({ name: 'legal', config, prisma: LegalPrisma, produces: [TOPICS.legal], personalData: true }), CaseAssistanceModule],
      controllers: [ConsultationsController, AgencyComplaintsController, CriminalProceedingsController],
    };
  }
}
