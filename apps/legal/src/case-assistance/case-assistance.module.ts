import { Module } from '@nestjs/common';
import { reactionsTo } from '@qorgau/service-kit';
import { CaseAssistanceController } from './case-assistance.controller';
import { CaseReferralsReaction } from './case-referrals.reaction';
import { VictimErasureReaction } from './victim-erasure.reaction';

@Module({ controllers: [CaseAssistanceController], providers: [...reactionsTo(CaseReferralsReaction, VictimErasureReaction)] })
export class CaseAssistanceModule {}
