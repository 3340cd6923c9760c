import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../app/contexts';
import { BarChart, LineChart, RegionMap, type Datum } from '../../components/charts';
import { BREAKDOWN_VALUES } from '@qorgau/contracts/labels/breakdown-values';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { almatyLocalInput, formatDateTime, formatMonth, formatNumber } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/projection';

type DashboardQuery = NonNullable<paths['/views/dashboard']['get']['parameters']['query']>;
type Dashboard = paths['/views/dashboard']['get']['responses']['200']['content']['application/json'];
type RegionCode = NonNullable<DashboardQuery['region']>;

const PILLARS = ['PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP'] as const;
const PROJECT_REGIONS = ['KZ-71', 'KZ-75', 'KZ-79', 'KZ-61', 'KZ-35', 'KZ-47', 'KZ-23', 'KZ-63'] as const;
type PeriodKind = 'MONTH' | 'QUARTER' | 'YEAR' | 'RANGE';

/** The dashboard's period as the projection reads it: one of month, quarter, year, or from/to. */
function periodQuery(kind: PeriodKind, value: string, from: string, to: string): DashboardQuery {
  if (kind === 'MONTH') return { month: value };
  if (kind === 'QUARTER') return { quarter: value };
  if (kind === 'YEAR') return { year: value };
  return { from, to };
}

/**
 * The figures as they change: asked again every second with the last ETag, so nothing travels
 * until an event is applied (304). Marks when data arrives and when it is drawn (the benchmark reads them).
 */
function useLiveDashboard(query: DashboardQuery) {
  const { projection } = useApi();
  const [state, setState] = useState<{ data?: Dashboard; error?: unknown; checkedAt?: number }>({});
  const key = JSON.stringify(query);
  useEffect(() => {
    let stopped = false;
    let tag: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({});
    const poll = async () => {
      try {
        const result = await projection.GET('/views/dashboard', { params: { query }, headers: tag ? { 'If-None-Match': tag } : {} });
        if (stopped) return;
        if (result.response.status === 304) {
          setState((s) => ({ ...s, checkedAt: Date.now() }));
        } else {
          const data = unwrap(result);
          tag = result.response.headers.get('etag') ?? undefined;
          performance.mark('qorgau:dashboard:data');
          setState({ data, checkedAt: Date.now() });
        }
      } catch (error) {
        if (!stopped) setState((s) => ({ ...s, error }));
      }
      if (!stopped) timer = setTimeout(() => void poll(), 1_000);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The query is compared by value (key): a new object with the same period is the same dashboard.
  }, [key, projection]);
  return state;
}

/** Seconds since the last event was counted, ticking. */
function useSecondsSince(at: string | null | undefined): number | null {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return at ? Math.max(0, (now - Date.parse(at)) / 1_000) : null;
}

/** HQ's live national 4P dashboard, or a regional manager's for their region. */
export default function FiguresPage() {
  const { t, i18n } = useTranslation(['hq-dashboard', 'common', 'enums']);
  const language = i18n.language as Language;
  const { principal } = useSession();
  const { statistics, projection } = useApi();
  const region = principal.role === 'HQ_ANALYST' ? null : (principal.region as RegionCode | null);
  const today = almatyLocalInput(new Date());
  const [kind, setKind] = useState<PeriodKind>('YEAR');
  const [value, setValue] = useState(today.slice(0, 4));
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01`);
  const [to, setTo] = useState(today.slice(0, 7));
  const query = { ...periodQuery(kind, value.trim(), from, to), ...(region ? { region } : {}) };
  const live = useLiveDashboard(query);
  const catalogue = useQuery({ queryKey: ['indicators'], staleTime: Infinity, queryFn: async () => unwrap(await statistics.GET('/indicators')) });
  const funnel = useQuery({
    queryKey: ['funnel', query, live.data?.freshness.eventsApplied],
    enabled: Boolean(live.data),
    queryFn: async () => unwrap(await projection.GET('/views/case-progress', { params: { query } })),
  });
  const [chosen, setChosen] = useState('hotline_calls');
  const seconds = useSecondsSince(live.data?.freshness.lastAppliedAt);
  const data = live.data;
  useLayoutEffect(() => {
    if (data && performance.getEntriesByName('qorgau:dashboard:data').length > 0) {
      performance.measure('qorgau:dashboard:render', 'qorgau:dashboard:data');
      performance.clearMarks('qorgau:dashboard:data');
    }
  }, [data]);
  const valueLabel = (dimension: string, code: string) => {
    // The value's label where the dimension has vocabularies; the code otherwise (countries, articles, shelters).
    const source = BREAKDOWN_VALUES[dimension];
    for (const vocabulary of typeof source === 'string' ? [] : (source ?? [])) {
      if (i18n.exists(`enums:${vocabulary}.${code}`)) return t(`enums:${vocabulary}.${code}`);
    }
    return code;
  };
  const regionsShown = region ? [region] : PROJECT_REGIONS;
  const indicators = catalogue.data?.indicators ?? [];
  const chosenIndicator = indicators.find((i) => i.code === chosen);
  const chosenName = chosenIndicator ? t(`enums:indicator.${chosenIndicator.code}`) : chosen;
  const trend: Datum[] = useMemo(
    () => (data ? Object.entries(data.byMonth[chosen] ?? {}).map(([month, count]) => ({ key: month, label: formatMonth(month, language), value: count })) : []),
    [data, chosen, language],
  );
  const byRegion: Datum[] = regionsShown.map((code) => ({ key: code, label: t(`enums:region.${code}`), value: data?.byRegion[chosen]?.[code] ?? 0 })).sort((a, b) => b.value - a.value);

  return (
    <div className="desk dashboard">
      <h1>{region ? t('regionTitle', { region: t(`enums:region.${region}`) }) : t('title')}</h1>
      <fieldset className="row filters">
        <legend>{t('period.legend')}</legend>
        <label>
          {t('period.kind')}
          <select id="field-periodKind" value={kind} onChange={(event) => setKind(event.target.value as PeriodKind)}>
            {(['MONTH', 'QUARTER', 'YEAR', 'RANGE'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`period.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'RANGE' ? (
          <>
            <label>
              {t('period.from')}
              <input id="field-from" type="month" value={from} onChange={(event) => setFrom(event.target.value)} />
            </label>
            <label>
              {t('period.to')}
              <input id="field-to" type="month" value={to} onChange={(event) => setTo(event.target.value)} />
            </label>
          </>
        ) : (
          <label>
            {t('period.value')}
            <input id="field-period" value={value} onChange={(event) => setValue(event.target.value)} aria-describedby="period-hint" />
            <span className="hint" id="period-hint">
              {t('period.hint')}
            </span>
          </label>
        )}
      </fieldset>
      <p className="hint">{t('live')}</p>
      {(catalogue.isError || live.error !== undefined) && (
        <ErrorSummary error={catalogue.error ?? live.error} labels={{ month: t('period.value'), quarter: t('period.value'), year: t('period.value') }} />
      )}
      {data && (
        <p className="hint freshness" role="status">
          {data.freshness.lastAppliedAt ? (
            <>
              {t('freshness', { count: data.freshness.eventsApplied, at: formatDateTime(data.freshness.lastAppliedAt, language) })} ·{' '}
              <span data-freshness>{t('updatedAgo', { seconds: formatNumber(Math.round((seconds ?? 0) * 10) / 10, language) })}</span>
            </>
          ) : (
            t('noEvents')
          )}
        </p>
      )}
      {data && indicators.length > 0 && (
        <>
          <section aria-labelledby="pillars-heading">
            <h2 id="pillars-heading" className="visually-hidden">
              {t('pillars')}
            </h2>
            <div className="pillars">
              {PILLARS.map((pillar) => (
                <section key={pillar} className="panel" aria-labelledby={`pillar-${pillar}`}>
                  <h3 id={`pillar-${pillar}`}>{t(`enums:pillar.${pillar}`)}</h3>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('indicator')}</th>
                        <th scope="col" className="number">
                          {t('total')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {indicators
                        .filter((indicator) => indicator.pillar === pillar)
                        .map((indicator) => (
                          <tr key={indicator.code} data-indicator={indicator.code} className={indicator.code === chosen ? 'chosen' : undefined}>
                            <th scope="row">
                              <button type="button" className="link" aria-pressed={indicator.code === chosen} onClick={() => setChosen(indicator.code)}>
                                {t(`enums:indicator.${indicator.code}`)}
                              </button>
                            </th>
                            <td className="number">{formatNumber(data.metrics[indicator.code]?.total ?? 0, language)}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </section>
              ))}
            </div>
          </section>
          <section className="panel" aria-labelledby="chosen-heading">
            <h2 id="chosen-heading">{chosenName}</h2>
            <label>
              {t('chosen')}
              <select id="field-indicator" value={chosen} onChange={(event) => setChosen(event.target.value)}>
                {indicators.map((indicator) => (
                  <option key={indicator.code} value={indicator.code}>
                    {t(`enums:indicator.${indicator.code}`)}
                  </option>
                ))}
              </select>
            </label>
            <div className="charts">
              <LineChart title={`${chosenName} — ${t('trend')}`} data={trend} columns={[t('monthColumn'), t('count')]} fileName={`${chosen}-by-month`} />
              {!region && (
                <>
                  <BarChart title={`${chosenName} — ${t('regions')}`} data={byRegion} columns={[t('region'), t('count')]} fileName={`${chosen}-by-region`} />
                  <RegionMap title={`${chosenName} — ${t('map')}`} data={byRegion} columns={[t('region'), t('count')]} fileName={`${chosen}-map`} />
                </>
              )}
            </div>
            {!region && <p className="hint">{t('mapHint')}</p>}
            <h3>{t('breakdowns')}</h3>
            <div className="charts">
              {(chosenIndicator?.breakdowns ?? []).map((breakdown) => {
                const values = data.metrics[chosen]?.breakdowns[breakdown.dimension] ?? [];
                const title = `${chosenName} — ${t(`enums:dimension.${breakdown.dimension}`, { defaultValue: breakdown.label })}`;
                return (
                  <div key={breakdown.dimension}>
                    <BarChart
                      title={title}
                      data={values.map((v) => ({ key: v.value, label: `${valueLabel(breakdown.dimension, v.value)} (${formatNumber(Math.round(v.share * 1000) / 10, language)} %)`, value: v.count }))}
                      columns={[t('value'), t('count')]}
                      fileName={`${chosen}-by-${breakdown.dimension}`}
                    />
                  </div>
                );
              })}
            </div>
          </section>
          {!region && (
            <section className="panel" aria-labelledby="matrix-heading">
              <h2 id="matrix-heading">{t('regions')}</h2>
              {/* Scrolls sideways on narrow screens: focusable, so the keyboard can scroll it too. */}
              <div className="grid-scroll" tabIndex={0} role="region" aria-labelledby="matrix-heading">
                <table className="matrix">
                  <thead>
                    <tr>
                      <th scope="col">{t('indicator')}</th>
                      {PROJECT_REGIONS.map((code) => (
                        <th key={code} scope="col" className="number">
                          {t(`enums:region.${code}`)}
                        </th>
                      ))}
                      <th scope="col" className="number">
                        {t('total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {indicators.map((indicator) => (
                      <tr key={indicator.code} data-matrix-indicator={indicator.code}>
                        <th scope="row">{t(`enums:indicator.${indicator.code}`)}</th>
                        {PROJECT_REGIONS.map((code) => (
                          <td key={code} className="number" data-region={code}>
                            {formatNumber(data.byRegion[indicator.code]?.[code] ?? 0, language)}
                          </td>
                        ))}
                        <td className="number">{formatNumber(data.metrics[indicator.code]?.total ?? 0, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {funnel.data && (
            <section className="panel" aria-labelledby="funnel-heading">
              <h2 id="funnel-heading">{t('funnel.heading')}</h2>
              <p className="hint">{t('funnel.hint')}</p>
              <BarChart
                title={t('funnel.heading')}
                data={(['opened', 'identified', 'assisted', 'returnedHome', 'reintegrated', 'closed'] as const).map((step) => ({
                  key: step,
                  label: `${t(`funnel.${step}`)}${funnel.data.funnel[step] === null ? ' (—)' : ''}`,
                  value: funnel.data.funnel[step] ?? 0,
                }))}
                columns={[t('value'), t('count')]}
                fileName="case-progress"
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
