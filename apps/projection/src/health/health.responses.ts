import { z } from 'zod';

export const projectionHealth = z.object({ status: z.literal('ok'), generation: z.number().int(), eventsApplied: z.number().int(), lastAppliedAt: z.iso.datetime({ offset: true }).nullable() });
