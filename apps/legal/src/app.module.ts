import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@qorgau/contracts';
import { ServiceKitModule } from '@qorgau/service-kit';
import { AgencyComplaintsModule } from './agency-complaints/agency-complaints.module';
import { CaseAssistanceModule } from './case-assistance/case-assistance.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { CriminalProceedingsModule } from './criminal-proceedings/criminal-proceedings.module';
import { LegalPrisma } from './database/legal-prisma';
import type { LegalConfig } from './legal.config';

@Module({})
export class LegalModule {
  static withConfig(config: LegalConfig): DynamicModule {
    return {
      module: LegalModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'legal', config, prisma: LegalPrisma, produces: [TOPICS.legal], personalData: true, followsErasures: true }),
        AgencyComplaintsModule,
        CaseAssistanceModule,
        ConsultationsModule,
        CriminalProceedingsModule,
      ],
    };
  }
}
