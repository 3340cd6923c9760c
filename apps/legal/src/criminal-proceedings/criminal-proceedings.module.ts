import { Module } from '@nestjs/common';
import { CriminalProceedingCommands } from './criminal-proceeding.commands';
import { CriminalProceedingsController } from './criminal-proceedings.controller';

@Module({ controllers: [CriminalProceedingsController], providers: [CriminalProceedingCommands] })
export class CriminalProceedingsModule {}
