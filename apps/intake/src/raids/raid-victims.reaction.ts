import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { NewEvent } from '@qorgau/contracts';
import { EventContext, EventPattern, type EventOf } from '@qorgau/service-kit';
import { CaseCommands } from '../cases/case.commands';
import type { IntakeTx } from '../database/intake-prisma.service';

/**
 * A raid in outreach that identifies victims opens a case for each of them here: intake owns
 * victims' cases, wherever they were found. The case id comes with the event, so a raid delivered
 * twice opens no case twice.
 */
@Controller()
export class RaidVictimsReaction {
  constructor(private readonly cases: CaseCommands) {}

  @EventPattern('RaidConducted')
  async onRaidConducted(@Payload() event: EventOf<'RaidConducted'>, @Ctx() { tx }: EventContext): Promise<readonly NewEvent[]> {
    const raid = event.payload;
    const openedAt = new Date(raid.conductedAt);
    const context = { correlationId: event.correlationId, clientCorrelationId: null, sourceIp: null, now: new Date() };
    const actor = { subject: `outreach:RaidConducted:${raid.raidId}`, role: 'SYSTEM' as const, region: event.region };
    const events: NewEvent[] = [];
    for (const victim of raid.victims) {
      const opened = await this.cases.openFromRaid(
        tx as IntakeTx,
        {
          kind: 'OpenCase',
          caseId: victim.caseId,
          region: event.region,
          openedAt,
          subject: { sex: victim.sex, ageBand: victim.ageBand, citizenship: victim.citizenship, exploitationForm: victim.exploitationForm, scope: victim.scope },
          identifiedBy: 'JOINT_RAID',
          consent: null,
        },
        context,
        actor,
      );
      events.push(...opened.map((e) => ({ ...e, causationId: event.id })));
    }
    return events;
  }
}
