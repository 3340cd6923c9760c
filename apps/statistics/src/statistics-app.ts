import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@qorgau/service-kit';
import { StatisticsModule } from './app.module';
import type { StatisticsConfig } from './statistics.config';

export function createStatisticsApp(config: StatisticsConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(StatisticsModule.withConfig(config), config, {
    title: 'Qorgau statistics',
    description:
      'The 4P indicator catalogue, reports per region and national with review (draft → approved → submitted), official statistics from partner bodies, and exports (CSV, SDMX-JSON) with small-cell suppression.',
    ...options,
  });
}
