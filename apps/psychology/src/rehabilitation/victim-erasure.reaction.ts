import { Controller } from '@nestjs/common';
import { FollowVictimErasure } from '@qorgau/service-kit';

/** A victim erased in intake is erased here too: the notes psychology keeps about their case. */
@Controller()
export class VictimErasureReaction extends FollowVictimErasure {
  protected readonly table = 'rehabilitation_plan';
}
