import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@qorgau/contracts';
import { ServiceKitModule } from '@qorgau/service-kit';
import { StatisticsPrisma } from './database/statistics-prisma';
import { GrantPeriodsController } from './grant-periods/grant-periods.controller';
import { IndicatorsController } from './indicators/indicators.controller';
import { OfficialStatisticsController } from './official-statistics/official-statistics.controller';
import { ReportsModule } from './reports/reports.module';
import type { StatisticsConfig } from './statistics.config';

@Module({})
export class StatisticsModule {
  static withConfig(config: StatisticsConfig): DynamicModule {
    return {
      module: StatisticsModule,
      imports: [ServiceKitModule.forRoot({ name: 'statistics', config, prisma: StatisticsPrisma, produces: [TOPICS.statistics] }), ReportsModule],
      controllers: [IndicatorsController, OfficialStatisticsController, GrantPeriodsController],
    };
  }
}
