import { ConsoleLogger } from '@nestjs/common';
import { ConfigError, describeConfig } from '@qorgau/platform';
import { createKafka, kafkaConnection } from '@qorgau/messaging';
import { ProjectionPrisma } from './database/projection-prisma';
import { rebuildProjection } from './generations/rebuild';
import { loadProjectionConfig, projectionConfigSpec } from './projection.config';

// `npm run rebuild-projection`: replays every topic into fresh tables and switches over.
async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(`Rebuilds the projection's views from the start of every domain topic, then switches reads to them.\n\nEnvironment:\n${describeConfig(projectionConfigSpec)}`);
    return;
  }
  const config = loadProjectionConfig();
  const logger = new ConsoleLogger('Rebuild');
  const prisma = new ProjectionPrisma(config.DATABASE_URL);
  const kafka = createKafka(kafkaConnection(config, 'qorgau-projection-rebuild'), logger);
  try {
    const result = await rebuildProjection(kafka, prisma, config, logger);
    const rate = result.seconds > 0 ? Math.round(result.eventsApplied / result.seconds) : result.eventsApplied;
    console.log(`generation ${result.generation} active: ${result.eventsApplied} events replayed in ${result.seconds.toFixed(1)} s (${rate} events/s)`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `rebuild: ${error.message}` : `rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
