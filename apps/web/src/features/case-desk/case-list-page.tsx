import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi, useSession } from '../../app/contexts';
import { EnumSelect } from '../../components/enum-select';
import { ErrorSummary, useFieldErrors } from '../../components/form-errors';
import { newIdempotencyKey, unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { Language } from '../../lib/i18n';
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
          <EnumSelect vocabulary="caseStatus" label={t('list.status')} value={status ?? ''} onChange={(value) => setStatus(value as CaseListQuery['status'] | '')} emptyLabel={t('list.all')} />
          <EnumSelect
            vocabulary="exploitationForm"
            label={t('list.exploitationForm')}
            value={form ?? ''}
            onChange={(value) => setForm(value as CaseListQuery['exploitationForm'] | '')}
            emptyLabel={t('list.all')}
          />
        </fieldset>
        {cases.isPending && <p role="status">{t('common:loading')}</p>}
        {cases.isError && <ErrorSummary error={cases.error} labels={{}} />}
        {cases.data && cases.data.length === 0 && <p>{t('list.empty')}</p>}
        {cases.data && cases.data.length > 0 && <p role="status">{t('common:records', { count: cases.data.length })}</p>}
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
                <th scope="col">
                  <span className="visually-hidden">{t('list.open')}</span>
                </th>
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
                  <td>
                    <Link to={`/cases/${c.id}`}>
                      {t('list.open')}
                      <span className="visually-hidden"> {c.id.slice(0, 8)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** Nothing is presumed about the victim: unknown until said, and every consent withheld until given. */
const newCase = () => ({ subjectSex: 'UNKNOWN', subjectAgeBand: 'UNKNOWN', citizenship: '', exploitationForm: '', scope: '', services: false, externalReferral: false, reporting: false });

function OpenCaseForm() {
  const { t } = useTranslation(['case-desk', 'common', 'enums']);
  const { principal } = useSession();
  const { intake } = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = useRef(newIdempotencyKey());
  const [c, setC] = useState(newCase);
  const open = useMutation({
    mutationFn: async () => {
      const { services, externalReferral, reporting, ...subject } = c;
      // Fields left empty are left out, so the service names each one that is still needed.
      const filled = Object.fromEntries(Object.entries(subject).filter(([, value]) => value !== ''));
      const body = { region: principal.region, ...filled, ...(c.citizenship ? { citizenship: c.citizenship.toUpperCase() } : {}), consent: { services, externalReferral, reporting } } as OpenCaseBody;
      return unwrap(await intake.POST('/cases', { body, headers: { 'Idempotency-Key': key.current } }));
    },
    onSuccess: (opened) => {
      key.current = newIdempotencyKey();
      setC(newCase());
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void navigate(`/cases/${opened.id}`);
    },
  });
  const errors = useFieldErrors(open.error);
  const labels = {
    subjectSex: t('open.subjectSex'),
    subjectAgeBand: t('open.subjectAgeBand'),
    citizenship: t('open.citizenship'),
    exploitationForm: t('open.exploitationForm'),
    scope: t('open.scope'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };
  return (
    <section aria-labelledby="open-case-heading" className="panel">
      <h2 id="open-case-heading">{t('list.newCase')}</h2>
      <ErrorSummary error={open.error} labels={labels} />
      <form onSubmit={submit} noValidate>
        <div className="row">
          <EnumSelect vocabulary="sex" id="field-subjectSex" label={labels.subjectSex} value={c.subjectSex} onChange={(subjectSex) => setC({ ...c, subjectSex })} error={errors['subjectSex']} />
          <EnumSelect
            vocabulary="ageBand"
            id="field-subjectAgeBand"
            label={labels.subjectAgeBand}
            value={c.subjectAgeBand}
            onChange={(subjectAgeBand) => setC({ ...c, subjectAgeBand })}
            error={errors['subjectAgeBand']}
          />
          <label>
            {labels.citizenship}
            <input
              id="field-citizenship"
              className="short"
              maxLength={2}
              autoComplete="off"
              value={c.citizenship}
              onChange={(e) => setC({ ...c, citizenship: e.target.value })}
              {...(errors['citizenship'] ? { 'aria-invalid': true, 'aria-describedby': 'field-citizenship-error' } : {})}
            />
            {errors['citizenship'] && (
              <span className="field-error" id="field-citizenship-error">
                {errors['citizenship']}
              </span>
            )}
          </label>
          <EnumSelect
            vocabulary="exploitationForm"
            id="field-exploitationForm"
            label={labels.exploitationForm}
            value={c.exploitationForm}
            onChange={(exploitationForm) => setC({ ...c, exploitationForm })}
            emptyLabel={t('open.choose')}
            error={errors['exploitationForm']}
          />
          <EnumSelect vocabulary="scope" id="field-scope" label={labels.scope} value={c.scope} onChange={(scope) => setC({ ...c, scope })} emptyLabel={t('open.choose')} error={errors['scope']} />
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
          <button type="submit" className="primary" disabled={open.isPending}>
            {open.isPending ? t('open.saving') : t('open.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
