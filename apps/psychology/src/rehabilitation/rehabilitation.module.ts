import { Module } from '@nestjs/common';
import { reactionsTo } from '@qorgau/service-kit';
import { CaseReferralsReaction } from './case-referrals.reaction';
import { VictimErasureReaction } from './victim-erasure.reaction';
import { RehabilitationPlansController } from './rehabilitation-plans.controller';

@Module({ controllers: [RehabilitationPlansController], providers: [...reactionsTo(CaseReferralsReaction, VictimErasureReaction)] })
export class RehabilitationModule {}
