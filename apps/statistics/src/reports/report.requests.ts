import { z } from 'zod';
import { LABEL_LANGUAGES, type RegionCode } from '@qorgau/contracts';
import { reportingPeriodFields } from './reporting-period';

const scopeField = (regions: readonly RegionCode[]) => z.enum(['KZ', ...regions] as [string, ...string[]], { error: `must be KZ (national) or one of the project's regions: ${regions.join(', ')}` });

export const reportRequest = (regions: readonly RegionCode[]) => z.object({ scope: scopeField(regions), ...reportingPeriodFields }).strict();
export const exportQuery = z
  .object({
    format: z
      .enum(['csv', 'sdmx-json', 'sdmx-csv', 'dhis2-json', 'adx'])
      .default('csv')
      .describe('CSV, an SDMX-JSON 1.0 data message, SDMX-CSV 1.0, a DHIS2 data value set (JSON) or an ADX data message (XML)'),
    lang: z
      .enum(LABEL_LANGUAGES)
      .optional()
      .describe("CSV for people: the names of indicators, areas, breakdowns and values in this language beside the codes (without it, codes and the catalogue's English titles)"),
  })
  .strict();
export const listQuery = z
  .object({
    scope: z
      .string()
      .regex(/^(KZ|KZ-[0-9]{2})$/, 'must be KZ or a region code')
      .optional()
      .describe('KZ or a region (default: yours, or every scope for HQ)'),
    status: z.enum(['DRAFT', 'APPROVED', 'SUBMITTED']).optional(),
    period: z.string().max(22).optional().describe('2026, 2026-Q1, 2026-03 or 2006-03-16..2008-03-16'),
  })
  .strict();
export type ReportRequest = z.output<ReturnType<typeof reportRequest>>;
export type ExportQuery = z.output<typeof exportQuery>;
export type ListQuery = z.output<typeof listQuery>;
