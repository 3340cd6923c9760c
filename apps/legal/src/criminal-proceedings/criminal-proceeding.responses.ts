import { z } from 'zod';
import { CriminalCodeArticleSchema, CriminalProceedingOpenedV1, ProceedingStageSchema, RegionCodeSchema, VerdictSchema } from '@qorgau/contracts';

export const proceedingOpened = CriminalProceedingOpenedV1.extend({ id: z.uuid(), region: RegionCodeSchema, verdict: z.null() });

export const proceedingView = z.object({
  id: z.uuid(),
  region: RegionCodeSchema,
  caseId: z.uuid().nullable(),
  openedAt: z.iso.datetime({ offset: true }),
  stage: ProceedingStageSchema,
  stageAt: z.iso.datetime({ offset: true }),
  articles: z.array(CriminalCodeArticleSchema),
  verdict: VerdictSchema.nullable(),
  sentenceYears: z.number().nullable(),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
});

export const proceedingList = z.object({ proceedings: z.array(proceedingView) });

/** A criminal_proceeding row as the database gives it. */
export interface ProceedingRow {
  readonly id: string;
  readonly region: string;
  readonly caseId: string | null;
  readonly openedAt: Date;
  readonly stage: string;
  readonly stageAt: Date;
  readonly articles: string[];
  readonly verdict: string | null;
  readonly sentenceYears: { toNumber(): number } | null;
  readonly deliveredAt: Date | null;
}

/** A row parsed into what the API answers: an unknown stage or verdict in the database fails here, loudly. */
export const proceedingOf = (row: ProceedingRow): z.output<typeof proceedingView> =>
  proceedingView.parse({
    id: row.id,
    region: row.region,
    caseId: row.caseId,
    openedAt: row.openedAt.toISOString(),
    stage: row.stage,
    stageAt: row.stageAt.toISOString(),
    articles: row.articles,
    verdict: row.verdict,
    sentenceYears: row.sentenceYears?.toNumber() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  });
