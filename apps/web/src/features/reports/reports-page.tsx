import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi, useSession } from '../../app/contexts';
import { CommandForm, EnumField, TextField, useCommand, whole } from '../../components/form';
import { ListPanel } from '../../components/list-panel';
import { unwrap } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/statistics';

type DraftBody = paths['/reports']['post']['requestBody']['content']['application/json'];
type OfficialBody = paths['/official-statistics']['post']['requestBody']['content']['application/json'];

/** Reports for a scope and period (drafted, reviewed, approved, submitted, exported), official statistics and the catalogue. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const { principal } = useSession();
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      <DraftForm />
      <ReportList />
      {principal.role === 'HQ_ANALYST' && <OfficialStatisticsForm />}
      <Catalogue />
    </div>
  );
}

/** HQ reports on the country or any region; a regional manager on their region. */
function useScopes(): string[] {
  const { principal } = useSession();
  return principal.role === 'HQ_ANALYST' ? ['KZ', 'KZ-71', 'KZ-75', 'KZ-79', 'KZ-61', 'KZ-35', 'KZ-47', 'KZ-23', 'KZ-63'] : [principal.region ?? ''];
}

function ScopeField({ value, onChange }: { value: string; onChange: (scope: string) => void }) {
  const { t } = useTranslation(['reports', 'enums']);
  const scopes = useScopes();
  return (
    <label>
      {t('fields.scope')}
      <select id="field-scope" value={value} onChange={(event) => onChange(event.target.value)}>
        {scopes.map((scope) => (
          <option key={scope} value={scope}>
            {scope === 'KZ' ? t('fields.national') : t(`enums:region.${scope}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function DraftForm() {
  const { t } = useTranslation('reports');
  const { statistics } = useApi();
  const navigate = useNavigate();
  const scopes = useScopes();
  const [d, setD] = useState({ scope: scopes[0]!, periodKind: 'QUARTER', period: '' });
  const draft = useCommand(async (body: DraftBody, key: string) => unwrap(await statistics.POST('/reports', { body, headers: { 'Idempotency-Key': key } })), [['reports']]);
  const labels = { scope: t('fields.scope'), periodKind: t('fields.periodKind'), period: t('fields.period') };
  return (
    <CommandForm
      id="draft-report-heading"
      title={t('draft.heading')}
      hint={t('draft.hint')}
      submitLabel={t('draft.submit')}
      onSubmit={() => draft.mutate({ scope: d.scope, periodKind: d.periodKind, period: d.period.trim() } as DraftBody, { onSuccess: (report) => void navigate(`/reports/${report.id}`) })}
      pending={draft.isPending}
      error={draft.error}
      labels={labels}
    >
      <div className="row">
        <ScopeField value={d.scope} onChange={(scope) => setD({ ...d, scope })} />
        <EnumField name="periodKind" vocabulary="periodKind" label={labels.periodKind} error={draft.error} value={d.periodKind} onChange={(periodKind) => setD({ ...d, periodKind })} />
        <TextField name="period" label={labels.period} hint={t('draft.periodHint')} error={draft.error} value={d.period} onChange={(period) => setD({ ...d, period })} />
      </div>
    </CommandForm>
  );
}

function ReportList() {
  const { t, i18n } = useTranslation(['reports', 'common', 'enums']);
  const { statistics } = useApi();
  const reports = useQuery({ queryKey: ['reports'], queryFn: async () => unwrap(await statistics.GET('/reports', { params: { query: {} } })) });
  return (
    <ListPanel
      id="report-list-heading"
      title={t('list.heading')}
      list={reports}
      empty={t('list.empty')}
      rowKey={(report) => report.id}
      rowAttribute="report"
      columns={[
        { header: t('fields.scope'), cell: (report) => (report.scope === 'KZ' ? t('fields.national') : t(`enums:region.${report.scope}`)) },
        { header: t('fields.period'), cell: (report) => report.period },
        { header: t('fields.status'), cell: (report) => t(`enums:reportStatus.${report.status}`) },
        { header: t('list.computedAt'), cell: (report) => formatDateTime(report.computedAt, i18n.language as Language) },
      ]}
      open={{ label: t('list.open'), to: (report) => `/reports/${report.id}`, which: (report) => `${report.scope} ${report.period}` }}
    />
  );
}

function OfficialStatisticsForm() {
  const { t } = useTranslation('reports');
  const { statistics } = useApi();
  const blank = () => ({ scope: 'KZ', periodKind: 'YEAR', period: '', measure: 'INVESTIGATIONS', source: 'GENERAL_PROSECUTOR_OFFICE', total: '' });
  const [d, setD] = useState(blank);
  const enter = useCommand(async (body: OfficialBody, key: string) => unwrap(await statistics.POST('/official-statistics', { body, headers: { 'Idempotency-Key': key } })));
  const labels = { scope: t('fields.scope'), periodKind: t('fields.periodKind'), period: t('fields.period'), measure: t('fields.measure'), source: t('fields.source'), total: t('fields.total') };
  return (
    <CommandForm
      id="official-heading"
      title={t('official.heading')}
      hint={t('official.hint')}
      submitLabel={t('official.submit')}
      onSubmit={() =>
        enter.mutate({ scope: d.scope, periodKind: d.periodKind, period: d.period.trim(), measure: d.measure, source: d.source, total: whole(d.total) } as OfficialBody, {
          onSuccess: () => setD(blank()),
        })
      }
      pending={enter.isPending}
      error={enter.error}
      labels={labels}
      saved={enter.isSuccess ? t('official.saved') : null}
    >
      <div className="row">
        <EnumField name="measure" vocabulary="officialMeasure" label={labels.measure} error={enter.error} value={d.measure} onChange={(measure) => setD({ ...d, measure })} />
        <EnumField name="source" vocabulary="officialSource" label={labels.source} error={enter.error} value={d.source} onChange={(source) => setD({ ...d, source })} />
        <EnumField name="officialPeriodKind" vocabulary="periodKind" label={labels.periodKind} error={enter.error} value={d.periodKind} onChange={(periodKind) => setD({ ...d, periodKind })} />
        <TextField name="officialPeriod" label={labels.period} hint={t('draft.periodHint')} error={enter.error} value={d.period} onChange={(period) => setD({ ...d, period })} />
        <TextField name="total" type="number" label={labels.total} error={enter.error} value={d.total} onChange={(total) => setD({ ...d, total })} />
      </div>
    </CommandForm>
  );
}

function Catalogue() {
  const { t } = useTranslation(['reports', 'enums', 'hq-dashboard']);
  const { statistics } = useApi();
  const catalogue = useQuery({ queryKey: ['indicators'], staleTime: Infinity, queryFn: async () => unwrap(await statistics.GET('/indicators')) });
  if (!catalogue.data) return null;
  return (
    <section className="panel" aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">{t('catalogue.heading', { version: catalogue.data.version })}</h2>
      <table>
        <caption className="visually-hidden">{t('catalogue.heading', { version: catalogue.data.version })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.indicator')}</th>
            <th scope="col">{t('catalogue.code')}</th>
            <th scope="col">{t('catalogue.unit')}</th>
            <th scope="col">{t('catalogue.breakdowns')}</th>
            <th scope="col">{t('catalogue.counts')}</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.data.indicators.map((indicator) => (
            <tr key={indicator.code}>
              <th scope="row">
                {t(`enums:indicator.${indicator.code}`)} <span className="hint">({t(`enums:pillar.${indicator.pillar}`)})</span>
              </th>
              <td>
                <code>{indicator.code}</code>
              </td>
              <td>{indicator.unit}</td>
              <td>{indicator.breakdowns.map((b) => t(`hq-dashboard:dimensions.${b.dimension}`, { defaultValue: b.label })).join(', ') || '—'}</td>
              <td>{indicator.events.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
