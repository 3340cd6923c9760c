import { z } from 'zod';

export const projectionHealth = z.object({
  status: z.literal('ok'),
  generation: z.number().int(),
  eventsApplied: z.number().int(),
  lastAppliedAt: z.iso.datetime({ offset: true }).nullable(),
  consuming: z.boolean().describe('The consumer has joined its group since the projection started'),
  lag: z.number().int().nullable().describe('Events it was behind on its partitions when last seen (null before its first batch)'),
});
