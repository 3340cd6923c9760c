import { z } from 'zod';
import { RegionCodeSchema } from '@qorgau/contracts';

// What the figures answer, for the OpenAPI document and the clients generated from it.

const scope = z.union([z.literal('national'), RegionCodeSchema]);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const day = z.iso.date();

export const figuresView = z.object({
  scope,
  period: z.string().describe('As asked: 2026-Q3, 2026, 2026-11, 2026-01..2026-06 or 2006-03-16..2008-03-16'),
  from: month.describe('The first month the period touches'),
  to: month.describe('The last month the period touches'),
  start: day.describe('The first day counted'),
  end: day.describe('The last day counted (included)'),
  generation: z.number().int(),
  catalogueVersion: z.number().int(),
  freshness: z.object({ eventsApplied: z.number().int(), lastAppliedAt: z.iso.datetime({ offset: true }).nullable() }),
  metrics: z.record(
    z.string().describe('Indicator code from the catalogue'),
    z.object({
      total: z.number(),
      breakdowns: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number(), share: z.number() }))),
    }),
  ),
});

const counts = z.record(z.string(), z.record(z.string(), z.number()));

export const dashboardView = figuresView.extend({
  byRegion: counts.describe('Indicator → region → total over the period'),
  byMonth: counts.describe('Indicator → month → total, every month the period touches (a range of days counts only its own days of its first and last month)'),
});

export const dashboardQuery = z.object({ region: RegionCodeSchema.optional().describe("A region's dashboard (a regional manager's own); the whole country when absent (HQ)") });
