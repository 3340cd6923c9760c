import { Controller } from '@nestjs/common';
import { FollowVictimErasure } from '@qorgau/service-kit';

/** A victim erased in intake is erased here too: the stay's notes, medical details and contacts. */
@Controller()
export class VictimErasureReaction extends FollowVictimErasure {
  protected readonly table = 'stay';
}
