import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities.controller';
import { ActivityCommands } from './activity.commands';

@Module({ controllers: [ActivitiesController], providers: [ActivityCommands] })
export class ActivitiesModule {}
