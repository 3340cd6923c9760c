import { Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuthModule, tokenVerifierOptions } from '@qorgau/auth';
import { createKafka, kafkaConnection } from '@qorgau/messaging';
import { ProjectionPrisma } from './database/projection-prisma';
import { Generations } from './generations/generations';
import { HealthController } from './health/health.controller';
import { LiveProjection } from './generations/live-projection';
import { PROJECTION_CONFIG, type ProjectionConfig } from './projection.config';
import { CaseProgressController } from './case-progress/case-progress.controller';
import { FiguresController } from './figures/figures.controller';

@Module({})
export class ProjectionModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly live: LiveProjection,
    private readonly prisma: ProjectionPrisma,
  ) {}

  static withConfig(config: ProjectionConfig): DynamicModule {
    return {
      module: ProjectionModule,
      imports: [AuthModule.forRoot(tokenVerifierOptions(config))],
      controllers: [FiguresController, CaseProgressController, HealthController],
      providers: [
        { provide: PROJECTION_CONFIG, useValue: config },
        { provide: ProjectionPrisma, useFactory: () => new ProjectionPrisma(config.DATABASE_URL) },
        {
          provide: LiveProjection,
          inject: [ProjectionPrisma],
          useFactory: (prisma: ProjectionPrisma) => {
            const logger = new Logger('Projection');
            const kafka = createKafka(kafkaConnection(config, 'qorgau-projection'), logger);
            return new LiveProjection(kafka, prisma, new Generations(prisma, config.PROJECTION_CONSUMER_GROUP), config);
          },
        },
      ],
    };
  }

  onApplicationBootstrap(): void {
    this.live.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.live.stop();
    await this.prisma.$disconnect();
  }
}
