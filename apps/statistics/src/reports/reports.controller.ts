import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Access, CallerToken, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, RegionalBody, refused, SERVICE_CONFIG, UuidParam } from '@qorgau/service-kit';
import { toAdx, toDhis2DataValueSet } from '../exports/dhis2-export';
import { toCsv, toSdmxCsv, toSdmxJson } from '../exports/report-export';
import type { StatisticsConfig } from '../statistics.config';
import { ReportCommands } from './report.commands';
import { exportQuery, listQuery, reportRequest, type ExportQuery, type ListQuery, type ReportRequest } from './report.requests';
import { reportSummary, reportView } from './report.responses';

/** Regional managers report on their region; HQ analysts on any region and the country. */
const REPORTERS = ['HQ_ANALYST', 'REGIONAL_MANAGER'] as const;

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportCommands,
    @Inject(SERVICE_CONFIG) private readonly config: StatisticsConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: REPORTERS, region: { body: 'scope' } })
  @ApiOperation({
    summary: 'Draft a report for a region or the country (KZ) over a month, quarter or year',
    description: "Figures come from the projection's views, read with your own token, and official statistics entered for the same scope and period.",
  })
  @ApiRegionalBody(reportRequest)
  @ApiZodResponse(201, reportView, 'The draft, with its figures')
  @ApiServiceUnavailableResponse({ description: 'The projection is not reachable; nothing was stored' })
  draft(@Body(RegionalBody(reportRequest)) request: ReportRequest, @CallerToken() authorization: string, @CurrentPrincipal() principal: Principal) {
    return this.reports.draft(request, authorization, principal);
  }

  @Get()
  @Access({ roles: REPORTERS, region: { query: 'scope' } })
  @ApiOperation({ summary: 'Reports, newest first: a regional manager sees their region’s, HQ every scope (without figures)' })
  @ApiZodQuery(listQuery)
  @ApiZodResponse(200, z.array(reportSummary), 'Reports of the scope, newest first')
  list(@Query(new ZodValidationPipe(listQuery)) query: ListQuery, @CurrentPrincipal() principal: Principal) {
    return this.reports.list(query, principal);
  }

  @Get(':id')
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({ summary: 'Read a report with its figures, unsuppressed (for review inside the organisation)' })
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiZodResponse(200, reportView, 'The report with its figures')
  read(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reports.read(id, principal);
  }

  @Post(':id/recompute')
  @HttpCode(201)
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({ summary: "Recompute a draft's figures from the views as they are now" })
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiConflictResponse({ description: 'The report is no longer a draft' })
  @ApiZodResponse(201, reportView, 'The draft with fresh figures')
  recompute(@Param('id', new UuidParam('id')) id: string, @CallerToken() authorization: string, @CurrentPrincipal() principal: Principal) {
    return this.reports.recompute(id, authorization, principal);
  }

  @Post(':id/approval')
  @HttpCode(201)
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({ summary: 'Approve a draft after review: its figures are frozen from now on' })
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiConflictResponse({ description: 'The report is not a draft' })
  @ApiZodResponse(201, reportView, 'The approved report')
  approve(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.reports.approve(id, context, principal);
  }

  @Post(':id/submission')
  @HttpCode(201)
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({ summary: 'Submit an approved report: it becomes an immutable snapshot', description: 'Announced as ReportSubmitted.' })
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiConflictResponse({ description: 'The report is not approved' })
  @ApiZodResponse(201, reportView, 'The submitted report: an immutable snapshot')
  submit(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.reports.submit(id, context, principal);
  }

  @Get(':id/export')
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({
    summary: 'Export a reviewed report as CSV, SDMX-JSON, SDMX-CSV, DHIS2 JSON or ADX, with small cells withheld',
    description: 'Any count of people below the threshold (SUPPRESSION_THRESHOLD, default 5), and any cell from which it could be derived, is withheld and marked (confidentiality C or D).',
  })
  @ApiZodQuery(exportQuery)
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiConflictResponse({ description: 'The report is a draft; or DHIS2 JSON was asked for a range of days (DHIS2 periods are months, quarters and years: take ADX)' })
  @ApiProduces('text/csv', 'application/vnd.sdmx.data+json', 'application/vnd.sdmx.data+csv', 'application/json', 'application/adx+xml')
  @ApiOkResponse({
    description:
      'The export, as an attachment: CSV (one row per cell, with its confidentiality), an SDMX-JSON 1.0 data message, SDMX-CSV 1.0 (one row per observation), a DHIS2 data value set or an ADX data message (withheld cells left out of the last two)',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.sdmx.data+json': { schema: { type: 'object', description: 'SDMX-JSON 1.0 data message' } },
      'application/vnd.sdmx.data+csv': { schema: { type: 'string', description: 'SDMX-CSV 1.0' } },
      'application/json': { schema: { type: 'object', description: 'DHIS2 dataValueSets' } },
      'application/adx+xml': { schema: { type: 'string', description: 'ADX (urn:ihe:qrph:adx:2015)' } },
    },
  })
  async export(@Param('id', new UuidParam('id')) id: string, @Query(new ZodValidationPipe(exportQuery)) query: ExportQuery, @CurrentPrincipal() principal: Principal, @Res() response: Response) {
    const exported = await this.reports.exportOf(id, principal);
    const name = `qorgau-${exported.scope}-${exported.period}`;
    if (query.format === 'csv') {
      response
        .type('text/csv; charset=utf-8')
        .attachment(`${name}${query.lang ? `.${query.lang}` : ''}.csv`)
        .send(toCsv(exported, query.lang));
    } else if (query.format === 'dhis2-json') {
      if (exported.periodKind === 'RANGE') refused([{ rule: 'dhis2-fixed-periods', message: 'DHIS2 periods are months, quarters and years: export a range of days as ADX, SDMX-JSON or CSV' }]);
      response
        .type('application/json')
        .attachment(`${name}.dhis2.json`)
        .send(JSON.stringify(toDhis2DataValueSet(exported, this.config.DHIS2_MAPPING_FILE)));
    } else if (query.format === 'sdmx-csv') {
      response.type('application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8').attachment(`${name}.sdmx.csv`).send(toSdmxCsv(exported));
    } else if (query.format === 'adx') {
      response
        .type('application/adx+xml; charset=utf-8')
        .attachment(`${name}.adx.xml`)
        .send(toAdx(exported, this.config.DHIS2_MAPPING_FILE, new Date()));
    } else {
      response
        .type('application/vnd.sdmx.data+json; version=1.0')
        .attachment(`${name}.json`)
        .send(JSON.stringify(toSdmxJson(exported, new Date())));
    }
  }
}
