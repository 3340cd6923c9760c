import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { NewEvent } from '@qorgau/contracts';
import { EventContext, EventPattern, type EventOf } from '@qorgau/service-kit';
import type { SocialTx } from '../database/social-prisma';

/**
 * Which victims have a rehabilitation plan with a psychologist, and while it runs: a therapy session
 * at the shelter joins the plan instead of being a second record of the same work. Announces nothing.
 */
@Controller()
export class RehabilitationPlansReaction {
  @EventPattern('RehabilitationPlanOpened')
  async onPlanOpened(@Payload() event: EventOf<'RehabilitationPlanOpened'>, @Ctx() { tx }: EventContext): Promise<readonly NewEvent[]> {
    const { planId, caseId, openedAt } = event.payload;
    await (tx as SocialTx).rehabilitationPlan.createMany({ data: [{ planId, caseId, openedAt: new Date(openedAt) }], skipDuplicates: true });
    return [];
  }

  @EventPattern('RehabilitationEnded')
  async onPlanEnded(@Payload() event: EventOf<'RehabilitationEnded'>, @Ctx() { tx }: EventContext): Promise<readonly NewEvent[]> {
    const { planId, caseId, endedAt } = event.payload;
    // Both are keyed by case, so the opening comes first; upserting still keeps an end whose opening predates this service.
    await (tx as SocialTx).rehabilitationPlan.upsert({
      where: { planId },
      create: { planId, caseId, openedAt: new Date(endedAt), endedAt: new Date(endedAt) },
      update: { endedAt: new Date(endedAt) },
    });
    return [];
  }
}
