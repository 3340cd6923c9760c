import { randomUUID } from 'node:crypto';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { AgeBandSchema, ExploitationFormSchema, IdentifiedBySchema, kazakhstanMonth, SexSchema, TraffickingScopeSchema } from '@qorgau/contracts';
import { ApiZodQuery, csvDocument, Ctx, openApiSchema, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { audit } from '@qorgau/service-kit';
import { IntakePrisma } from '../database/intake-prisma.service';
import { CTDC_FIELDS, CTDC_GENERALISATIONS, toCtdc } from './ctdc';
import { kAnonymise } from './k-anonymity';

const datasetQuery = z
  .object({
    k: z.coerce.number().int().min(2).max(100).default(11).describe('Every combination of the exported attributes occurs at least k times (CTDC publishes with k = 11)'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
type DatasetQuery = z.output<typeof datasetQuery>;

const dataset = z.object({
  standard: z.string(),
  k: z.number().int(),
  fields: z.array(z.string()),
  generalisations: z.array(z.string()).describe('The generalisations applied to every record, in order'),
  summary: z.object({
    identifiedVictims: z.number().int(),
    withoutReportingConsent: z.number().int().describe('Left out: the victim did not consent to case-level reporting'),
    exported: z.number().int(),
    generalised: z.number().int().describe('Exported records whose attributes were coarsened'),
    withheld: z.number().int().describe('Left out: still in a group smaller than k after generalising'),
  }),
  records: z.array(z.record(z.string(), z.string())),
});

/**
 * The victim cases as a contribution to IOM's Counter-Trafficking Data Collaborative: the attributes
 * the platform holds, under the Human Trafficking Case Data Standard's names and codes, k-anonymised
 * (generalised, then small groups withheld), and only for victims who consented to case-level reporting.
 * No id, name, date or note: categories and a year.
 */
@ApiTags('case-dataset')
@Controller('case-dataset')
export class CaseDatasetController {
  constructor(private readonly prisma: IntakePrisma) {}

  @Get()
  @Access({ roles: ['HQ_ANALYST'] })
  @ApiOperation({
    summary: 'The identified victims as a k-anonymised case-level dataset for CTDC (HTCDS field names and codes)',
    description:
      'Only victims who consented to case-level reporting. Attributes are generalised for the whole dataset (age to minor or adult, citizenship to region of origin, region to the country, who identified to NGO or other) until at most a tenth of the records would be withheld; records still in a group smaller than k are withheld. The answer says how many were generalised and withheld (in headers for CSV). Audited.',
  })
  @ApiZodQuery(datasetQuery)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The dataset: JSON with its summary, or CSV (UTF-8 with BOM) with the summary in qorgau-* headers',
    content: { 'application/json': { schema: openApiSchema(dataset, 'output') }, 'text/csv': { schema: { type: 'string' } } },
  })
  async export(@Query(new ZodValidationPipe(datasetQuery)) query: DatasetQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal, @Res() response: Response) {
    const result = await this.build(query.k);
    // One entry for the export as a whole: which victims went into it is the point of not saying.
    await audit(this.prisma, principal, context, 'READ', { type: 'CASE_DATASET', id: randomUUID() }, `ExportCaseDataset k=${query.k}`);
    if (query.format === 'json') {
      response.json(result);
      return;
    }
    response
      .type('text/csv; charset=utf-8')
      .attachment(`qorgau-ctdc-k${query.k}.csv`)
      .set({
        'qorgau-records-exported': String(result.summary.exported),
        'qorgau-records-generalised': String(result.summary.generalised),
        'qorgau-records-withheld': String(result.summary.withheld),
        'qorgau-records-without-consent': String(result.summary.withoutReportingConsent),
      })
      .send(csvDocument([[...CTDC_FIELDS], ...result.records.map((record) => CTDC_FIELDS.map((field) => record[field] ?? ''))]));
  }

  private async build(k: number): Promise<z.output<typeof dataset>> {
    const identified = await this.prisma.victimCase.findMany({
      where: { identifiedAt: { not: null }, identifiedBy: { not: null } },
      select: { region: true, subjectSex: true, subjectAgeBand: true, citizenship: true, exploitationForm: true, scope: true, identifiedBy: true, identifiedAt: true, consentReporting: true },
    });
    const consented = identified.filter((row) => row.consentReporting);
    const records = consented.map((row) =>
      toCtdc({
        region: row.region,
        subjectSex: SexSchema.parse(row.subjectSex),
        subjectAgeBand: AgeBandSchema.parse(row.subjectAgeBand),
        citizenship: row.citizenship,
        exploitationForm: ExploitationFormSchema.parse(row.exploitationForm),
        scope: TraffickingScopeSchema.parse(row.scope),
        identifiedBy: IdentifiedBySchema.parse(row.identifiedBy),
        identifiedYear: Number(kazakhstanMonth(row.identifiedAt!).slice(0, 4)),
      }),
    );
    const anonymised = kAnonymise(records, CTDC_FIELDS, CTDC_GENERALISATIONS, k);
    return {
      standard: 'HTCDS 2.0 field names and codes (CTDC global dataset names where HTCDS has none); see docs/ctdc.md',
      k,
      fields: [...CTDC_FIELDS],
      generalisations: [...anonymised.steps],
      summary: {
        identifiedVictims: identified.length,
        withoutReportingConsent: identified.length - consented.length,
        exported: anonymised.records.length,
        generalised: anonymised.generalised,
        withheld: anonymised.withheld,
      },
      // Ordered by content, not by case: the order of the cases would say when each was identified.
      records: [...anonymised.records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    };
  }
}
