import { Module } from '@nestjs/common';
import { CaseAssistanceCommands } from './case-assistance.commands';
import { CaseAssistanceController } from './case-assistance.controller';
import { CaseReferralsReaction } from './case-referrals.reaction';
import { VictimErasureReaction } from './victim-erasure.reaction';

// Controllers: the HTTP API and the @EventPattern handlers of other services' events.
@Module({ controllers: [CaseAssistanceController, CaseReferralsReaction, VictimErasureReaction], providers: [CaseAssistanceCommands] })
export class CaseAssistanceModule {}
