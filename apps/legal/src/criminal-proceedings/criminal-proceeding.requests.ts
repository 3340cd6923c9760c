import { z } from 'zod';
import { CriminalCodeArticleSchema, ProceedingStageSchema, VerdictSchema, type RegionCode } from '@qorgau/contracts';
import { pastTimestampField, regionField, uniqueList } from '@qorgau/service-kit';

const articles = uniqueList(CriminalCodeArticleSchema, 10).min(1, 'name at least one article of the Criminal Code');

export const openRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      caseId: z.uuid().optional().describe("The victim's case in intake, when the proceedings concern one"),
      openedAt: pastTimestampField.optional(),
      stage: ProceedingStageSchema.default('COMPLAINT').describe('Where the proceedings stand when the NGO starts following them'),
      articles,
    })
    .strict();
export type OpenRequest = z.output<ReturnType<typeof openRequest>>;

export const stageRequest = z.object({ stage: ProceedingStageSchema, at: pastTimestampField.optional(), articles: articles.optional().describe('The articles, when the charge changed') }).strict();
export type StageRequest = z.output<typeof stageRequest>;

export const verdictRequest = z
  .object({
    verdict: VerdictSchema,
    deliveredAt: pastTimestampField.optional(),
    sentenceYears: z.number().min(0).max(50).multipleOf(0.5, 'must be in half years').nullable().default(null).describe('Custodial sentence in years, for a conviction'),
  })
  .strict();
export type VerdictRequest = z.output<typeof verdictRequest>;
