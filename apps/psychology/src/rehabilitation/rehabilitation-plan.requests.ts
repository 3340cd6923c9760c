import { z } from 'zod';
import { ConsultationFormatSchema, RehabilitationOutcomeSchema } from '@qorgau/contracts';
import { pastTimestampField, personalText, regionListFields } from '@qorgau/service-kit';

export const assessmentRequest = z.object({ assessedAt: pastTimestampField.optional(), note: personalText(8000).optional().describe('Encrypted; psychologists only') }).strict();
export const sessionRequest = z
  .object({ heldAt: pastTimestampField.optional(), format: ConsultationFormatSchema, note: personalText(8000).optional().describe('Encrypted; psychologists only') })
  .strict();
export const endingRequest = z.object({ endedAt: pastTimestampField.optional(), outcome: RehabilitationOutcomeSchema }).strict();
export const queueQuery = z
  .object({
    ...regionListFields,
    status: z.enum(['OPEN', 'ENDED']).optional().describe('Only plans still open, or only ended ones'),
  })
  .strict();
export type AssessmentRequest = z.output<typeof assessmentRequest>;
export type SessionRequest = z.output<typeof sessionRequest>;
export type EndingRequest = z.output<typeof endingRequest>;
export type QueueQuery = z.output<typeof queueQuery>;
