import { Module } from '@nestjs/common';
import { SheltersModule } from '../shelters/shelters.module';
import { RehabilitationPlansReaction } from './rehabilitation-plans.reaction';
import { ShelterReferralsReaction } from './shelter-referrals.reaction';
import { StayCommands } from './stay.commands';
import { StaysController } from './stays.controller';
import { VictimErasureReaction } from './victim-erasure.reaction';

// Controllers: the HTTP API and the @EventPattern handlers of intake's and psychology's events.
@Module({
  imports: [SheltersModule],
  controllers: [StaysController, ShelterReferralsReaction, RehabilitationPlansReaction, VictimErasureReaction],
  providers: [StayCommands],
})
export class StaysModule {}
