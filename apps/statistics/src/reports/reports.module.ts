import { Module } from '@nestjs/common';
import { ProjectionClient } from './projection-client';
import { ReportCommands } from './report.commands';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController], providers: [ReportCommands, ProjectionClient] })
export class ReportsModule {}
