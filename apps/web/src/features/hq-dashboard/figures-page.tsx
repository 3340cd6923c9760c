import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../app/contexts';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { almatyLocalInput, formatDateTime, formatMonth, formatNumber } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/projection';

type RegionCode = paths['/views/regions/{region}']['get']['parameters']['path']['region'];

/** The last twelve months, newest first, as Kazakhstan's calendar has them. */
function recentMonths(now: Date): string[] {
  const [year, month] = almatyLocalInput(now).slice(0, 7).split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * HQ's national figures, or a regional manager's region: every indicator of the 4P catalogue for a
 * month, grouped by pillar. Live: the view is asked again every few seconds.
 */
export default function FiguresPage() {
  const { t, i18n } = useTranslation(['hq-dashboard', 'common', 'enums']);
  const language = i18n.language as Language;
  const { principal } = useSession();
  const { projection, statistics } = useApi();
  const months = recentMonths(new Date());
  const [month, setMonth] = useState(months[0]!);
  const region = principal.role === 'HQ_ANALYST' ? null : (principal.region as RegionCode | null);
  const catalogue = useQuery({ queryKey: ['indicators'], staleTime: Infinity, queryFn: async () => unwrap(await statistics.GET('/indicators')) });
  const figures = useQuery({
    queryKey: ['figures', region ?? 'national', month],
    refetchInterval: 5_000,
    queryFn: async () =>
      region
        ? unwrap(await projection.GET('/views/regions/{region}', { params: { path: { region }, query: { month } } }))
        : unwrap(await projection.GET('/views/national', { params: { query: { month } } })),
  });
  const pillars = ['PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP'] as const;
  return (
    <div className="desk">
      <h1>{region ? t('regionTitle', { region: t(`enums:region.${region}`) }) : t('title')}</h1>
      <div className="row">
        <label>
          {t('month')}
          <select value={month} onChange={(event) => setMonth(event.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, language)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">{t('live')}</p>
      {(catalogue.isError || figures.isError) && <ErrorSummary error={catalogue.error ?? figures.error} labels={{}} />}
      {figures.data && (
        <p className="hint" role="status">
          {figures.data.freshness.lastAppliedAt ? t('freshness', { count: figures.data.freshness.eventsApplied, at: formatDateTime(figures.data.freshness.lastAppliedAt, language) }) : t('noEvents')}
        </p>
      )}
      {catalogue.data &&
        figures.data &&
        pillars.map((pillar) => (
          <section key={pillar} className="panel" aria-labelledby={`pillar-${pillar}`}>
            <h2 id={`pillar-${pillar}`}>{t(`enums:pillar.${pillar}`)}</h2>
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
                {catalogue.data.indicators
                  .filter((indicator) => indicator.pillar === pillar)
                  .map((indicator) => (
                    <tr key={indicator.code} data-indicator={indicator.code}>
                      <th scope="row">{t(`enums:indicator.${indicator.code}`)}</th>
                      <td className="number">{formatNumber(figures.data.metrics[indicator.code]?.total ?? 0, language)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))}
    </div>
  );
}
