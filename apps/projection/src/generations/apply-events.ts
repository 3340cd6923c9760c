import { claimNewEvents, type ConsumedEvent } from '@qorgau/messaging';
import type { ProjectionPrisma } from '../database/projection-prisma';
import type { Generation } from './generations';
import { progressFor } from '../case-progress/case-progress';
import { cellsFor, mergeCells } from '../figures/view-cells';

/**
 * Applies a batch to a generation's views in one transaction: the events are claimed (so a
 * redelivered one changes nothing), then the counters they move and the case stages they mark
 * are upserted together.
 */
export async function applyEvents(prisma: ProjectionPrisma, generation: Generation, events: readonly ConsumedEvent[], timeZone: string): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const fresh = await claimNewEvents(
      tx,
      generation.consumerGroup,
      events.map((e) => e.envelope),
    );
    if (fresh.length === 0) return 0;
    const cells = mergeCells(fresh.flatMap((event) => cellsFor(event, timeZone)));
    await tx.$executeRawUnsafe(
      `INSERT INTO view_cell (generation, region, day, metric, dimension, value, count)
       SELECT $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::int[])
       ON CONFLICT (generation, region, day, metric, dimension, value)
       DO UPDATE SET count = view_cell.count + EXCLUDED.count`,
      generation.generation,
      cells.map((c) => c.region),
      cells.map((c) => c.day),
      cells.map((c) => c.metric),
      cells.map((c) => c.dimension),
      cells.map((c) => c.value),
      cells.map((c) => c.count),
    );
    // Each stage keeps its earliest month, whatever order the services' topics are read in (live or
    // in a rebuild), so a rebuild gives the same progress as the live views. LEAST ignores NULLs.
    for (const event of fresh) {
      // The victim's answer on case-level reporting: the latest one counts (a case's events keep
      // their order on intake's topic, live and in a rebuild), and a withdrawal hides the case again.
      if (event.type === 'ConsentRecorded') {
        await tx.$executeRawUnsafe(
          `INSERT INTO case_progress (generation, case_id, region, reporting_consent) VALUES ($1, $2::uuid, $3, $4)
           ON CONFLICT (generation, case_id) DO UPDATE SET reporting_consent = EXCLUDED.reporting_consent`,
          generation.generation,
          event.payload.caseId,
          event.region,
          event.payload.reporting,
        );
        continue;
      }
      const progress = progressFor(event, timeZone);
      if (!progress) continue;
      const { update, step } = progress;
      await tx.$executeRawUnsafe(
        `INSERT INTO case_progress (generation, case_id, region, opened_month, identified_month, assisted_month, returned_month, reintegrated_month, closed_month, outcome)
         VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (generation, case_id) DO UPDATE SET
           -- The case's region is intake's, from CaseOpened: no other service's event can move it.
           region = CASE WHEN EXCLUDED.opened_month IS NOT NULL THEN EXCLUDED.region ELSE case_progress.region END,
           opened_month = LEAST(case_progress.opened_month, EXCLUDED.opened_month),
           identified_month = LEAST(case_progress.identified_month, EXCLUDED.identified_month),
           assisted_month = LEAST(case_progress.assisted_month, EXCLUDED.assisted_month),
           returned_month = LEAST(case_progress.returned_month, EXCLUDED.returned_month),
           reintegrated_month = LEAST(case_progress.reintegrated_month, EXCLUDED.reintegrated_month),
           closed_month = LEAST(case_progress.closed_month, EXCLUDED.closed_month),
           outcome = COALESCE(case_progress.outcome, EXCLUDED.outcome)`,
        generation.generation,
        update.caseId,
        update.region,
        update.openedMonth ?? null,
        update.identifiedMonth ?? null,
        update.assistedMonth ?? null,
        update.returnedMonth ?? null,
        update.reintegratedMonth ?? null,
        update.closedMonth ?? null,
        update.outcome ?? null,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO case_step (generation, event_id, case_id, month, step) VALUES ($1, $2::uuid, $3::uuid, $4, $5) ON CONFLICT DO NOTHING`,
        generation.generation,
        event.id,
        update.caseId,
        step.month,
        step.step,
      );
    }
    await tx.$executeRawUnsafe(`UPDATE projection_generation SET events_applied = events_applied + $2, last_applied_at = now() WHERE generation = $1`, generation.generation, fresh.length);
    return fresh.length;
  });
}
