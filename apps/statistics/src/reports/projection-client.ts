import { HttpException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { type PeriodKind, NATIONAL, TOTAL, type ReportingScope } from '@qorgau/contracts';
import { SERVICE_CONFIG } from '@qorgau/service-kit';
import type { StatisticsConfig } from '../statistics.config';
import type { Cell } from '../exports/suppression';
import { periodQueryParameter } from './reporting-period';

interface FiguresView {
  generation: number;
  freshness: { eventsApplied: number; lastAppliedAt: string | null };
  metrics: Record<string, { total: number; breakdowns: Record<string, { value: string; count: number }[]> }>;
}

export interface ComputedFigures {
  readonly cells: Cell[];
  readonly eventsApplied: number;
}

/**
 * Reads figures from the projection's API — the only place they are computed — with the caller's
 * own token, so a report never shows what its author could not see in the views.
 */
@Injectable()
export class ProjectionClient {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: StatisticsConfig) {}

  /** The scope's figures; for the national scope also each region's, so exports can check what a region's figure reveals. */
  async figures(scope: ReportingScope, kind: PeriodKind, period: string, authorization: string): Promise<ComputedFigures> {
    const query = periodQueryParameter(kind, period);
    const units: { orgUnit: string; path: string }[] =
      scope === NATIONAL
        ? [{ orgUnit: NATIONAL, path: `/views/national?${query}` }, ...this.config.QORGAU_REGIONS.map((r) => ({ orgUnit: r, path: `/views/regions/${r}?${query}` }))]
        : [{ orgUnit: scope, path: `/views/regions/${scope}?${query}` }];
    const views = await Promise.all(units.map(async (unit) => ({ unit, view: await this.get(unit.path, authorization) })));
    const cells = views.flatMap(({ unit, view }) =>
      Object.entries(view.metrics).flatMap(([indicator, metric]) => [
        { indicator, orgUnit: unit.orgUnit, ...TOTAL, count: metric.total },
        ...Object.entries(metric.breakdowns).flatMap(([dimension, values]) => values.map((v) => ({ indicator, orgUnit: unit.orgUnit, dimension, value: v.value, count: v.count }))),
      ]),
    );
    return { cells, eventsApplied: views[0]!.view.freshness.eventsApplied };
  }

  private async get(path: string, authorization: string): Promise<FiguresView> {
    let response: Response;
    try {
      response = await fetch(`${this.config.PROJECTION_URL.replace(/\/$/, '')}${path}`, { headers: { authorization }, signal: AbortSignal.timeout(10_000) });
    } catch {
      throw new ServiceUnavailableException({ statusCode: 503, message: 'the projection (where figures are computed) is not reachable; nothing was stored, try again' });
    }
    if (response.status === 401 || response.status === 403) throw new HttpException((await response.json()) as Record<string, unknown>, response.status);
    if (!response.ok) throw new ServiceUnavailableException({ statusCode: 503, message: `the projection answered ${response.status}; nothing was stored, try again` });
    return (await response.json()) as FiguresView;
  }
}
