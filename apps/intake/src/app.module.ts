import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, tokenVerifierOptions } from '@qorgau/auth';
import { AuditController } from './audit/audit.controller';
import { CasesModule } from './cases/cases.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthController } from './health/health.controller';
import { HotlineCallsModule } from './hotline-calls/hotline-calls.module';
import { INTAKE_CONFIG, type IntakeConfig } from './intake.config';

@Module({})
export class IntakeModule {
  static withConfig(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        { module: ConfigHolder, global: true, providers: [{ provide: INTAKE_CONFIG, useValue: config }], exports: [INTAKE_CONFIG] },
        AuthModule.forRoot(tokenVerifierOptions(config)),
        DatabaseModule,
        EventsModule,
        HotlineCallsModule,
        CasesModule,
      ],
      controllers: [HealthController, AuditController],
    };
  }
}

@Module({})
class ConfigHolder {}
