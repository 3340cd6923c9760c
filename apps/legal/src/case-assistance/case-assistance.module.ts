import { Module } from '@nestjs/common';
import { reactionsTo } from '@qorgau/service-kit';
import { CaseAssistanceController } from './case-assistance.controller';
import { CaseReferralsReaction } from './case-referrals.reaction';

@Module({ controllers: [CaseAssistanceController], providers: [...reactionsTo(CaseReferralsReaction)] })
export class CaseAssistanceModule {}
