import { runService } from '@qorgau/platform';
import { createStatisticsApp } from './statistics-app';
import { statisticsConfigSpec, loadStatisticsConfig } from './statistics.config';

runService({
  name: 'statistics',
  summary: '4P indicators, reports, official statistics and exports',
  configSpec: statisticsConfigSpec,
  loadConfig: () => loadStatisticsConfig(),
  createApp: (config) => createStatisticsApp(config),
});
