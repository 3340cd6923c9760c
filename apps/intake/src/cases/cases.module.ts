import { Module } from '@nestjs/common';
import { reactionsTo } from '@qorgau/service-kit';
import { RaidVictimsReaction } from '../raids/raid-victims.reaction';
import { CaseCommands } from './case-commands';
import { CasesController } from './cases.controller';

@Module({ controllers: [CasesController], providers: [CaseCommands, ...reactionsTo(RaidVictimsReaction)] })
export class CasesModule {}
