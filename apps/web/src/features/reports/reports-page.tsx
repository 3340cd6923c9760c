import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi, useSession } from '../../app/contexts';
import { CommandForm, EnumField, TextField, useCommand, whole } from '../../components/form';
import { ListPanel } from '../../components/list-panel';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { saveFile } from '../../lib/save-file';
import { formatDate, formatDateTime } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/statistics';

type DraftBody = paths['/reports']['post']['requestBody']['content']['application/json'];
type OfficialBody = paths['/official-statistics']['post']['requestBody']['content']['application/json'];
type GrantBody = paths['/grant-periods']['post']['requestBody']['content']['application/json'];

/** Reports for a scope and period (drafted, reviewed, approved, submitted, exported), official statistics and the catalogue. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const { principal } = useSession();
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      <DraftForm />
      <ReportList />
      <GrantPeriods define={principal.role === 'HQ_ANALYST'} />
      {principal.role === 'HQ_ANALYST' && <OfficialStatisticsForm />}
      {principal.role === 'HQ_ANALYST' && <CaseDataset />}
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
  const [d, setD] = useState({ scope: scopes[0]!, periodKind: 'QUARTER', period: '', start: '', end: '' });
  const grants = useGrantPeriods();
  const draft = useCommand(async (body: DraftBody, key: string) => unwrap(await statistics.POST('/reports', { body, headers: { 'Idempotency-Key': key } })), [['reports']]);
  const range = d.periodKind === 'RANGE';
  // A range of days is asked for as its first and last day; the API checks them as one period, so its error shows at the first day.
  const labels = { scope: t('fields.scope'), periodKind: t('fields.periodKind'), period: range ? t('fields.start') : t('fields.period') };
  const chosenGrant = grants.data?.grantPeriods.find((grant) => grant.start === d.start && grant.end === d.end)?.id ?? '';
  return (
    <CommandForm
      id="draft-report-heading"
      title={t('draft.heading')}
      hint={t('draft.hint')}
      submitLabel={t('draft.submit')}
      onSubmit={() =>
        draft.mutate({ scope: d.scope, periodKind: d.periodKind, period: range ? `${d.start}..${d.end}` : d.period.trim() } as DraftBody, {
          onSuccess: (report) => void navigate(`/reports/${report.id}`),
        })
      }
      pending={draft.isPending}
      error={draft.error}
      labels={labels}
    >
      <div className="row">
        <ScopeField value={d.scope} onChange={(scope) => setD({ ...d, scope })} />
        <EnumField name="periodKind" vocabulary="periodKind" label={labels.periodKind} error={draft.error} value={d.periodKind} onChange={(periodKind) => setD({ ...d, periodKind })} />
        {!range && <TextField name="period" label={labels.period} hint={t('draft.periodHint')} error={draft.error} value={d.period} onChange={(period) => setD({ ...d, period })} />}
      </div>
      {range && (
        <div className="row">
          {(grants.data?.grantPeriods.length ?? 0) > 0 && (
            <label>
              {t('fields.grantPeriod')}
              <select
                id="field-grantPeriod"
                value={chosenGrant}
                onChange={(event) => {
                  const grant = grants.data?.grantPeriods.find((g) => g.id === event.target.value);
                  setD({ ...d, start: grant?.start ?? '', end: grant?.end ?? '' });
                }}
              >
                <option value="">{t('grants.none')}</option>
                {grants.data?.grantPeriods.map((grant) => (
                  <option key={grant.id} value={grant.id}>
                    {grant.name} ({grant.donor})
                  </option>
                ))}
              </select>
            </label>
          )}
          <TextField name="period" type="date" label={t('fields.start')} error={draft.error} value={d.start} onChange={(start) => setD({ ...d, start })} />
          <TextField name="periodEnd" type="date" label={t('fields.end')} error={null} value={d.end} onChange={(end) => setD({ ...d, end })} />
        </div>
      )}
    </CommandForm>
  );
}

function useGrantPeriods() {
  const { statistics } = useApi();
  return useQuery({ queryKey: ['grant-periods'], queryFn: async () => unwrap(await statistics.GET('/grant-periods')) });
}

/** Donors' grant periods: named once by HQ, chosen when drafting a report on one. */
function GrantPeriods({ define }: { define: boolean }) {
  const { t, i18n } = useTranslation('reports');
  const { statistics } = useApi();
  const grants = useGrantPeriods();
  const blank = () => ({ name: '', donor: '', start: '', end: '' });
  const [g, setG] = useState(blank);
  const add = useCommand(async (body: GrantBody, key: string) => unwrap(await statistics.POST('/grant-periods', { body, headers: { 'Idempotency-Key': key } })), [['grant-periods']]);
  const labels = { name: t('grants.name'), donor: t('grants.donor'), start: t('fields.start'), end: t('fields.end') };
  const language = i18n.language as Language;
  return (
    <>
      <section className="panel" aria-labelledby="grant-periods-heading">
        <h2 id="grant-periods-heading">{t('grants.heading')}</h2>
        {grants.data && grants.data.grantPeriods.length === 0 && <p>{t('grants.empty')}</p>}
        {grants.data && grants.data.grantPeriods.length > 0 && (
          <table>
            <caption className="visually-hidden">{t('grants.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.name}</th>
                <th scope="col">{labels.donor}</th>
                <th scope="col">{labels.start}</th>
                <th scope="col">{labels.end}</th>
              </tr>
            </thead>
            <tbody>
              {grants.data.grantPeriods.map((grant) => (
                <tr key={grant.id} data-grant-period={grant.id}>
                  <th scope="row">{grant.name}</th>
                  <td>{grant.donor}</td>
                  <td>{formatDate(grant.start, language)}</td>
                  <td>{formatDate(grant.end, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {define && (
        <CommandForm
          id="define-grant-heading"
          title={t('grants.define')}
          submitLabel={t('grants.submit')}
          onSubmit={() => add.mutate({ name: g.name.trim(), donor: g.donor.trim(), start: g.start, end: g.end } as GrantBody, { onSuccess: () => setG(blank()) })}
          pending={add.isPending}
          error={add.error}
          labels={labels}
          saved={add.isSuccess ? t('grants.saved') : null}
        >
          <div className="row">
            <TextField name="name" label={labels.name} error={add.error} value={g.name} onChange={(name) => setG({ ...g, name })} />
            <TextField name="donor" label={labels.donor} error={add.error} value={g.donor} onChange={(donor) => setG({ ...g, donor })} />
            <TextField name="start" type="date" label={labels.start} error={add.error} value={g.start} onChange={(start) => setG({ ...g, start })} />
            <TextField name="end" type="date" label={labels.end} error={add.error} value={g.end} onChange={(end) => setG({ ...g, end })} />
          </div>
        </CommandForm>
      )}
    </>
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

/** The identified victims as a k-anonymised case-level dataset for IOM's CTDC: what it holds, then the file. */
function CaseDataset() {
  const { t } = useTranslation('reports');
  const { intake } = useApi();
  const [k, setK] = useState('11');
  const [failed, setFailed] = useState<unknown>(null);
  const asked = whole(k) ?? 11;
  const summary = useQuery({ queryKey: ['case-dataset', asked], queryFn: async () => unwrap(await intake.GET('/case-dataset', { params: { query: { k: asked, format: 'json' } } })) });
  const download = async () => {
    setFailed(null);
    try {
      saveFile(unwrap(await intake.GET('/case-dataset', { params: { query: { k: asked, format: 'csv' } }, parseAs: 'blob' })) as Blob, `qorgau-ctdc-k${asked}.csv`);
    } catch (error) {
      setFailed(error);
    }
  };
  // The JSON form of the answer (its CSV form is the download).
  const s = typeof summary.data === 'object' ? summary.data.summary : undefined;
  return (
    <section className="panel" aria-labelledby="case-dataset-heading">
      <h2 id="case-dataset-heading">{t('dataset.heading')}</h2>
      <p className="hint">{t('dataset.hint')}</p>
      <ErrorSummary error={summary.error ?? failed} labels={{ k: 'k' }} />
      <div className="row">
        <TextField name="k" type="number" label={t('dataset.k')} error={summary.error} value={k} onChange={setK} />
      </div>
      {s && (
        <dl className="summary" data-case-dataset>
          <dt>{t('dataset.exported')}</dt>
          <dd>{s.exported}</dd>
          <dt>{t('dataset.generalised')}</dt>
          <dd>{s.generalised}</dd>
          <dt>{t('dataset.withheld')}</dt>
          <dd>{s.withheld}</dd>
          <dt>{t('dataset.withoutConsent')}</dt>
          <dd>{s.withoutReportingConsent}</dd>
        </dl>
      )}
      <div className="actions">
        <button type="button" onClick={() => void download()}>
          {t('dataset.download')}
        </button>
      </div>
    </section>
  );
}

function Catalogue() {
  const { t } = useTranslation(['reports', 'enums', 'hq-dashboard']);
  const { statistics } = useApi();
  const catalogue = useQuery({ queryKey: ['indicators'], staleTime: Infinity, queryFn: async () => unwrap(await statistics.GET('/indicators')) });
  const [failed, setFailed] = useState<unknown>(null);
  if (!catalogue.data) return null;
  const version = catalogue.data.version;
  const downloadStructure = async () => {
    setFailed(null);
    try {
      saveFile(unwrap(await statistics.GET('/indicators/sdmx-structure', { parseAs: 'blob' })) as Blob, `qorgau-DSD_4P-${version}.0.json`);
    } catch (error) {
      setFailed(error);
    }
  };
  return (
    <section className="panel" aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">{t('catalogue.heading', { version })}</h2>
      <p className="hint">{t('catalogue.structureHint')}</p>
      <ErrorSummary error={failed} labels={{}} />
      <div className="actions">
        <button type="button" onClick={() => void downloadStructure()} data-structure-download>
          {t('catalogue.structure')}
        </button>
      </div>
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
              <td>{t(`enums:unit.${indicator.unit}`, { defaultValue: indicator.unit })}</td>
              <td>{indicator.breakdowns.map((b) => t(`enums:dimension.${b.dimension}`, { defaultValue: b.label })).join(', ') || '—'}</td>
              <td>
                {indicator.measure.kind === 'AVERAGE'
                  ? t('catalogue.average', { of: t(`enums:indicator.${indicator.measure.of}`), per: t(`enums:indicator.${indicator.measure.per}`) })
                  : indicator.events.join(', ')}
                {indicator.measure.kind === 'STOCK' && <span className="hint"> — {t('catalogue.stock')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
