import type { EventEnvelope } from '@qorgau/contracts';
import { claimNewEvents, type ConsumedEvent } from '@qorgau/messaging';
import type { ProjectionPrisma } from '../database/projection-prisma';
import type { Generation } from './generations';
import { progressFor, type CaseProgressUpdate } from '../case-progress/case-progress';
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
    const { progress, consents, steps } = caseChanges(fresh, timeZone);
    // Each stage keeps its earliest month, whatever order the services' topics are read in (live or
    // in a rebuild), so a rebuild gives the same progress as the live views. LEAST ignores NULLs.
    if (progress.length > 0)
      await tx.$executeRawUnsafe(
        `INSERT INTO case_progress (generation, case_id, region, opened_month, identified_month, assisted_month, returned_month, reintegrated_month, closed_month, outcome)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
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
        ...PROGRESS_COLUMNS.map((column) => progress.map((update) => update[column] ?? null)),
      );
    // The victim's answer on case-level reporting: the latest one counts (a case's events keep their
    // order on intake's topic, live and in a rebuild), and a withdrawal hides the case again.
    if (consents.length > 0)
      await tx.$executeRawUnsafe(
        `INSERT INTO case_progress (generation, case_id, region, reporting_consent)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::boolean[])
         ON CONFLICT (generation, case_id) DO UPDATE SET reporting_consent = EXCLUDED.reporting_consent`,
        generation.generation,
        consents.map((c) => c.caseId),
        consents.map((c) => c.region),
        consents.map((c) => c.reporting),
      );
    if (steps.length > 0)
      await tx.$executeRawUnsafe(
        `INSERT INTO case_step (generation, event_id, case_id, month, step) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
        generation.generation,
        steps.map((step) => step.eventId),
        steps.map((step) => step.caseId),
        steps.map((step) => step.month),
        steps.map((step) => step.step),
      );
    await tx.$executeRawUnsafe(`UPDATE projection_generation SET events_applied = events_applied + $2, last_applied_at = now() WHERE generation = $1`, generation.generation, fresh.length);
    return fresh.length;
  });
}

const PROGRESS_COLUMNS = ['caseId', 'region', 'openedMonth', 'identifiedMonth', 'assistedMonth', 'returnedMonth', 'reintegratedMonth', 'closedMonth', 'outcome'] as const;

const earliest = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/**
 * A batch's changes to cases, one row per case (a statement may touch a row once): the stages merged
 * as the upsert merges them with what is stored (the earliest month, the first outcome, the region
 * of CaseOpened), the latest consent, and every step of the history.
 */
export function caseChanges(events: readonly EventEnvelope[], timeZone: string) {
  const progress = new Map<string, CaseProgressUpdate>();
  const consents = new Map<string, { caseId: string; region: string; reporting: boolean }>();
  const steps: { eventId: string; caseId: string; month: string; step: string }[] = [];
  for (const event of events) {
    if (event.type === 'ConsentRecorded') {
      consents.set(event.payload.caseId, { caseId: event.payload.caseId, region: event.region, reporting: event.payload.reporting });
      continue;
    }
    const change = progressFor(event, timeZone);
    if (!change) continue;
    const { update, step } = change;
    steps.push({ eventId: event.id, caseId: update.caseId, month: step.month, step: step.step });
    const before = progress.get(update.caseId);
    if (!before) {
      progress.set(update.caseId, update);
      continue;
    }
    progress.set(update.caseId, {
      caseId: update.caseId,
      region: update.openedMonth !== undefined ? update.region : before.region,
      openedMonth: earliest(before.openedMonth, update.openedMonth),
      identifiedMonth: earliest(before.identifiedMonth, update.identifiedMonth),
      assistedMonth: earliest(before.assistedMonth, update.assistedMonth),
      returnedMonth: earliest(before.returnedMonth, update.returnedMonth),
      reintegratedMonth: earliest(before.reintegratedMonth, update.reintegratedMonth),
      closedMonth: earliest(before.closedMonth, update.closedMonth),
      outcome: before.outcome ?? update.outcome,
    } as CaseProgressUpdate);
  }
  const byCase = <T extends { caseId: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  return { progress: byCase(progress.values()), consents: byCase(consents.values()), steps };
}
