import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi } from '../../app/contexts';
import { useCommand } from '../../components/form';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { saveFile } from '../../lib/save-file';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { Language } from '../../lib/i18n';

type RegionCode = 'KZ-71' | 'KZ-75' | 'KZ-79' | 'KZ-61' | 'KZ-35' | 'KZ-47' | 'KZ-23' | 'KZ-63';
const PILLARS = ['PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP'] as const;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period before: 2026-03 → 2026-02, 2026-Q1 → 2025-Q4, 2026 → 2025; a range of days → as many days just before it. */
export function previousPeriod(kind: string, period: string): string {
  if (kind === 'RANGE') {
    const [start, end] = period.split('..').map((day) => Date.parse(`${day}T00:00:00Z`)) as [number, number];
    return `${isoDay(start - (end - start) - DAY_MS)}..${isoDay(start - DAY_MS)}`;
  }
  const year = Number(period.slice(0, 4));
  if (kind === 'YEAR') return String(year - 1);
  if (kind === 'QUARTER') {
    const quarter = Number(period.slice(6));
    return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  }
  const month = Number(period.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

function periodQuery(kind: string, period: string) {
  if (kind === 'RANGE') {
    const [start, end] = period.split('..') as [string, string];
    return { start, end };
  }
  return kind === 'YEAR' ? { year: period } : kind === 'QUARTER' ? { quarter: period } : { month: period };
}

/** One report under review: its figures beside the previous period's, and its next step (approve, submit, export). */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['reports', 'common', 'enums']);
  const language = i18n.language as Language;
  const { statistics, projection } = useApi();
  const report = useQuery({ queryKey: ['report', id], queryFn: async () => unwrap(await statistics.GET('/reports/{id}', { params: { path: { id } } })) });
  const r = report.data;
  const previous = r ? previousPeriod(r.periodKind, r.period) : null;
  const before = useQuery({
    queryKey: ['report-previous', r?.scope, previous],
    enabled: Boolean(r && previous),
    queryFn: async () => {
      const query = periodQuery(r!.periodKind, previous!);
      return r!.scope === 'KZ'
        ? unwrap(await projection.GET('/views/national', { params: { query } }))
        : unwrap(await projection.GET('/views/regions/{region}', { params: { path: { region: r!.scope as RegionCode }, query } }));
    },
  });
  const step = useCommand(
    async (action: 'recompute' | 'approval' | 'submission', key: string) => {
      const options = { params: { path: { id } }, headers: { 'Idempotency-Key': key } };
      if (action === 'recompute') return unwrap(await statistics.POST('/reports/{id}/recompute', options));
      if (action === 'approval') return unwrap(await statistics.POST('/reports/{id}/approval', options));
      return unwrap(await statistics.POST('/reports/{id}/submission', options));
    },
    [['report', id], ['reports']],
  );
  const [download, setDownload] = useState<unknown>(null);
  const exportAs = async (format: 'csv' | 'sdmx-json' | 'sdmx-csv' | 'dhis2-json' | 'adx') => {
    setDownload(null);
    try {
      // CSV is for people: in the reader's language, names beside the codes. The other formats are for machines.
      const query = format === 'csv' ? { format, lang: language } : { format };
      const result = await statistics.GET('/reports/{id}/export', { params: { path: { id }, query }, parseAs: 'blob' });
      saveFile(
        unwrap(result) as Blob,
        `qorgau-${r!.scope}-${r!.period}.${{ csv: `${language}.csv`, 'sdmx-json': 'json', 'sdmx-csv': 'sdmx.csv', 'dhis2-json': 'dhis2.json', adx: 'adx.xml' }[format]}`,
      );
    } catch (error) {
      setDownload(error);
    }
  };
  if (report.isPending) return <p role="status">{t('common:loading')}</p>;
  if (report.isError || !r) return <ErrorSummary error={report.error} labels={{}} />;
  const scopeName = r.scope === 'KZ' ? t('fields.national') : t(`enums:region.${r.scope}`);
  return (
    <div className="desk">
      <h1>{t('report.heading', { scope: scopeName, period: r.period })}</h1>
      <p>
        {t('report.status', { status: t(`enums:reportStatus.${r.status}`) })} · {t('list.computedAt')}: {formatDateTime(r.computedAt, language)}
      </p>
      <ErrorSummary error={step.error ?? download} labels={{}} />
      <div className="actions" aria-live="polite">
        {r.status === 'DRAFT' && (
          <>
            <button type="button" onClick={() => step.mutate('recompute')} disabled={step.isPending}>
              {t('report.recompute')}
            </button>
            <button type="button" className="primary" onClick={() => step.mutate('approval')} disabled={step.isPending}>
              {t('report.approve')}
            </button>
          </>
        )}
        {r.status === 'APPROVED' && (
          <button type="button" className="primary" onClick={() => step.mutate('submission')} disabled={step.isPending}>
            {t('report.submitReport')}
          </button>
        )}
        {r.status !== 'DRAFT' && (
          <>
            <button type="button" onClick={() => void exportAs('csv')}>
              {t('report.downloadCsv')}
            </button>
            <button type="button" onClick={() => void exportAs('sdmx-json')}>
              {t('report.downloadSdmx')}
            </button>
            <button type="button" onClick={() => void exportAs('sdmx-csv')}>
              {t('report.downloadSdmxCsv')}
            </button>
            {r.periodKind !== 'RANGE' && (
              <button type="button" onClick={() => void exportAs('dhis2-json')}>
                {t('report.downloadDhis2')}
              </button>
            )}
            <button type="button" onClick={() => void exportAs('adx')}>
              {t('report.downloadAdx')}
            </button>
          </>
        )}
      </div>
      <p className="hint">{r.status === 'DRAFT' ? t('report.draftNotExported') : t('report.exportHint')}</p>
      <section className="panel" aria-labelledby="review-heading">
        <h2 id="review-heading">{t('report.review', { previous })}</h2>
        {PILLARS.map((pillar) => (
          <table key={pillar} className="review">
            <caption>{t(`enums:pillar.${pillar}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.indicator')}</th>
                <th scope="col" className="number">
                  {t('report.thisPeriod')}
                </th>
                <th scope="col" className="number">
                  {t('report.previousPeriod')}
                </th>
                <th scope="col" className="number">
                  {t('report.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(r.figures)
                .filter(([, figure]) => figure.pillar === pillar)
                .map(([code, figure]) => {
                  const earlier = before.data?.metrics[code]?.total;
                  return (
                    <tr key={code} data-indicator={code}>
                      <th scope="row">{t(`enums:indicator.${code}`, { defaultValue: figure.title })}</th>
                      <td className="number">{formatNumber(figure.total, language)}</td>
                      <td className="number">{earlier === undefined ? '…' : formatNumber(earlier, language)}</td>
                      <td className="number">{earlier === undefined ? '' : `${figure.total - earlier > 0 ? '+' : ''}${formatNumber(figure.total - earlier, language)}`}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        ))}
      </section>
    </div>
  );
}
