import { Module } from '@nestjs/common';
import { RaidVictimsReaction } from '../raids/raid-victims.reaction';
import { CaseCommands } from './case.commands';
import { CasesController } from './cases.controller';

// Controllers: the HTTP API and the @EventPattern handler of outreach's raids.
@Module({ controllers: [CasesController, RaidVictimsReaction], providers: [CaseCommands] })
export class CasesModule {}
