import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi, useSession } from '../../app/contexts';
import { ErrorSummary } from '../../components/form-errors';
import { newIdempotencyKey, unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { enumValues, type Language } from '../../lib/i18n';
import type { paths } from '../../generated/intake';

type CaseListQuery = NonNullable<paths['/cases']['get']['parameters']['query']>;
type OpenCaseBody = paths['/cases']['post']['requestBody']['content']['application/json'];

export default function CaseListPage() {
  const { t, i18n } = useTranslation(['case-desk', 'common', 'enums']);
  const { principal } = useSession();
  const { intake } = useApi();
  const region = principal.region as CaseListQuery['region'];
  const [status, setStatus] = useState<CaseListQuery['status'] | ''>('OPEN');
  const [form, setForm] = useState<CaseListQuery['exploitationForm'] | ''>('');
  const query = { region, ...(status ? { status } : {}), ...(form ? { exploitationForm: form } : {}) } as CaseListQuery;
  const cases = useQuery({ queryKey: ['cases', query], queryFn: async () => unwrap(await intake.GET('/cases', { params: { query } })).cases });
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      {principal.role !== 'LAWYER' && principal.role !== 'PSYCHOLOGIST' && <OpenCaseForm />}
      <section aria-labelledby="case-list-heading" className="panel">
        <h2 id="case-list-heading">{t('list.heading')}</h2>
        <fieldset className="row filters">
          <legend>{t('list.filters')}</legend>
          <label>
            {t('list.status')}
            <select value={status ?? ''} onChange={(e) => setStatus(e.target.value as CaseListQuery['status'] | '')}>
              <option value="">{t('list.all')}</option>
              {enumValues('caseStatus').map((v) => <option key={v} value={v}>{t(`enums:caseStatus.${v}`)}</option>)}
            </select>
          </label>
          <label>
            {t('list.exploitationForm')}
            <select value={form ?? ''} onChange={(e) => setForm(e.target.value as CaseListQuery['exploitationForm'] | '')}>
              <option value="">{t('list.all')}</option>
              {enumValues('exploitationForm').map((v) => <option key={v} value={v}>{t(`enums:exploitationForm.${v}`)}</option>)}
            </select>
          </label>
        </fieldset>
        {cases.isPending && <p role="status">{t('common:loading')}</p>}
        {cases.isError && <ErrorSummary error={cases.error} labels={{}} />}
        {cases.data && cases.data.length === 0 && <p>{t('list.empty')}</p>}
        {cases.data && cases.data.length > 0 && (
          <table>
            <caption className="visually-hidden">{t('list.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.openedAt')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.exploitationForm')}</th>
                <th scope="col">{t('list.citizenship')}</th>
                <th scope="col">{t('list.identified')}</th>
                <th scope="col"><span className="visually-hidden">{t('list.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id}>
                  <td>{formatDate(c.openedAt, i18n.language as Language)}</td>
                  <td>{t(`enums:caseStatus.${c.status}`)}</td>
                  <td>{t(`enums:exploitationForm.${c.exploitationForm}`)}</td>
                  <td>{c.citizenship}</td>
                  <td>{c.identifiedBy ? t(`enums:identifiedBy.${c.identifiedBy}`) : '—'}</td>
                  <td><Link to={`/cases/${c.id}`}>{t('list.open')}<span className="visually-hidden"> {c.id.slice(0, 8)}</span></Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function OpenCaseForm() {
  const { t } = useTranslation(['case-desk', 'common', 'enums']);
  const { principal } = useSession();
  const { intake } = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = useRef(newIdempotencyKey());
  const [c, setC] = useState({ subjectSex: 'FEMALE', subjectAgeBand: 'AGE_18_24', citizenship: 'KZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER', services: true, externalReferral: false, reporting: false });
  const open = useMutation({
    mutationFn: async () => {
      const body = {
        region: principal.region as OpenCaseBody['region'],
        subjectSex: c.subjectSex,
        subjectAgeBand: c.subjectAgeBand,
        citizenship: c.citizenship.toUpperCase(),
        exploitationForm: c.exploitationForm,
        scope: c.scope,
        consent: { services: c.services, externalReferral: c.externalReferral, reporting: c.reporting },
      } as OpenCaseBody;
      return unwrap(await intake.POST('/cases', { body, headers: { 'Idempotency-Key': key.current } }));
    },
    onSuccess: (opened) => {
      key.current = newIdempotencyKey();
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void navigate(`/cases/${opened.id}`);
    },
  });
  const select = (field: 'subjectSex' | 'subjectAgeBand' | 'exploitationForm' | 'scope', vocabulary: 'sex' | 'ageBand' | 'exploitationForm' | 'scope') => (
    <label>
      {t(`open.${field}`)}
      <select id={`field-${field}`} value={c[field]} onChange={(e) => setC({ ...c, [field]: e.target.value })}>
        {(enumValues(vocabulary) as string[]).map((v) => <option key={v} value={v}>{t(`enums:${vocabulary}.${v}`)}</option>)}
      </select>
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };
  return (
    <section aria-labelledby="open-case-heading" className="panel">
      <h2 id="open-case-heading">{t('list.newCase')}</h2>
      <ErrorSummary error={open.error} labels={{ citizenship: t('open.citizenship') }} />
      <form onSubmit={submit} noValidate>
        <div className="row">
          {select('subjectSex', 'sex')}
          {select('subjectAgeBand', 'ageBand')}
          <label>
            {t('open.citizenship')}
            <input id="field-citizenship" className="short" maxLength={2} value={c.citizenship} onChange={(e) => setC({ ...c, citizenship: e.target.value })} />
          </label>
          {select('exploitationForm', 'exploitationForm')}
          {select('scope', 'scope')}
        </div>
        <fieldset className="toggles">
          <legend>{t('open.consent.legend')}</legend>
          {(['services', 'externalReferral', 'reporting'] as const).map((consent) => (
            <label key={consent} className="toggle">
              <input type="checkbox" checked={c[consent]} onChange={(e) => setC({ ...c, [consent]: e.target.checked })} />
              {t(`open.consent.${consent}`)}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={open.isPending}>{open.isPending ? t('open.saving') : t('open.save')}</button>
        </div>
      </form>
    </section>
  );
}
