import { Module } from '@nestjs/common';
import { CaseReferralsReaction } from './case-referrals.reaction';
import { RehabilitationPlanCommands } from './rehabilitation-plan.commands';
import { VictimErasureReaction } from './victim-erasure.reaction';
import { RehabilitationPlansController } from './rehabilitation-plans.controller';

// Controllers: the HTTP API and the @EventPattern handlers of other services' events.
@Module({ controllers: [RehabilitationPlansController, CaseReferralsReaction, VictimErasureReaction], providers: [RehabilitationPlanCommands] })
export class RehabilitationModule {}
