import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi, useSession } from '../../app/contexts';
import { CommandForm, EnumChecks, EnumField, optional, TextField, when, useCommand } from '../../components/form';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/legal';

type ConsultationBody = paths['/consultations']['post']['requestBody']['content']['application/json'];
type ComplaintBody = paths['/agency-complaints']['post']['requestBody']['content']['application/json'];
type DecisionBody = paths['/agency-complaints/{id}/decision']['post']['requestBody']['content']['application/json'];
type ProceedingBody = paths['/criminal-proceedings']['post']['requestBody']['content']['application/json'];
type Region = ConsultationBody['region'];

/** The lawyer's day: the cases referred to legal, consultations, complaints against agencies and criminal proceedings. */
export default function LegalDeskPage() {
  const { t } = useTranslation('legal-desk');
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      <AssistanceQueue />
      <ConsultationForm />
      <Complaints />
      <Proceedings />
    </div>
  );
}

function AssistanceQueue() {
  const { t, i18n } = useTranslation(['legal-desk', 'common', 'enums']);
  const { legal } = useApi();
  const queue = useQuery({ queryKey: ['legal', 'queue'], queryFn: async () => unwrap(await legal.GET('/case-assistance', { params: { query: {} } })) });
  return (
    <section className="panel" aria-labelledby="legal-queue-heading">
      <h2 id="legal-queue-heading">{t('queue.heading')}</h2>
      {queue.isPending && <p role="status">{t('common:loading')}</p>}
      {queue.isError && <ErrorSummary error={queue.error} labels={{}} />}
      {queue.data && queue.data.length === 0 && <p>{t('queue.empty')}</p>}
      {queue.data && queue.data.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('queue.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.referredAt')}</th>
              <th scope="col">{t('queue.case')}</th>
              <th scope="col">{t('queue.done')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('queue.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((item) => (
              <tr key={item.caseId} data-case={item.caseId}>
                <td>{formatDate(item.openedAt, i18n.language as Language)}</td>
                <td>{item.caseId.slice(0, 8)}</td>
                <td>{item.actions.length ? item.actions.map((a) => t(`enums:assistanceKind.${a.kind}`)).join(', ') : t('queue.nothingYet')}</td>
                <td>
                  <Link to={`/legal/cases/${item.caseId}`}>
                    {t('queue.open')}
                    <span className="visually-hidden"> {item.caseId.slice(0, 8)}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const newConsultation = () => ({
  givenAt: '',
  clientType: 'PERSON_AT_RISK',
  clientSex: 'UNKNOWN',
  clientAgeBand: 'UNKNOWN',
  topics: [] as string[],
  outcome: 'ADVICE_GIVEN',
  clientName: '',
  clientContact: '',
  notes: '',
});

function ConsultationForm() {
  const { t } = useTranslation('legal-desk');
  const { principal } = useSession();
  const { legal } = useApi();
  const [c, setC] = useState(newConsultation);
  const give = useCommand(async (body: ConsultationBody, key: string) => unwrap(await legal.POST('/consultations', { body, headers: { 'Idempotency-Key': key } })), []);
  const labels = Object.fromEntries(['givenAt', 'clientType', 'clientSex', 'clientAgeBand', 'topics', 'outcome', 'clientName', 'clientContact', 'notes'].map((f) => [f, t(`fields.${f}`)]));
  const send = () =>
    give.mutate(
      {
        region: principal.region as Region,
        givenAt: when(c.givenAt),
        clientType: c.clientType,
        clientSex: c.clientSex,
        clientAgeBand: c.clientAgeBand,
        topics: c.topics,
        outcome: c.outcome,
        clientName: optional(c.clientName),
        clientContact: optional(c.clientContact),
        notes: optional(c.notes),
      } as ConsultationBody,
      { onSuccess: () => setC(newConsultation()) },
    );
  return (
    <CommandForm
      id="legal-consultation-heading"
      title={t('consultation.heading')}
      hint={t('consultation.hint')}
      submitLabel={t('consultation.submit')}
      onSubmit={send}
      pending={give.isPending}
      error={give.error}
      labels={labels}
      saved={give.isSuccess ? t('consultation.saved') : null}
    >
      <div className="row">
        <TextField name="givenAt" type="datetime-local" label={labels['givenAt']!} error={give.error} value={c.givenAt} onChange={(givenAt) => setC({ ...c, givenAt })} />
        <EnumField name="clientType" vocabulary="legalClientType" label={labels['clientType']!} error={give.error} value={c.clientType} onChange={(clientType) => setC({ ...c, clientType })} />
        <EnumField name="clientSex" vocabulary="sex" label={labels['clientSex']!} error={give.error} value={c.clientSex} onChange={(clientSex) => setC({ ...c, clientSex })} />
        <EnumField name="clientAgeBand" vocabulary="ageBand" label={labels['clientAgeBand']!} error={give.error} value={c.clientAgeBand} onChange={(clientAgeBand) => setC({ ...c, clientAgeBand })} />
        <EnumField name="outcome" vocabulary="legalOutcome" label={labels['outcome']!} error={give.error} value={c.outcome} onChange={(outcome) => setC({ ...c, outcome })} />
      </div>
      <EnumChecks name="topics" vocabulary="legalTopic" label={labels['topics']!} error={give.error} values={c.topics} onChange={(topics) => setC({ ...c, topics })} />
      <fieldset className="personal">
        <legend>{t('fields.personal')}</legend>
        <div className="row">
          <TextField name="clientName" label={labels['clientName']!} error={give.error} value={c.clientName} onChange={(clientName) => setC({ ...c, clientName })} />
          <TextField name="clientContact" label={labels['clientContact']!} error={give.error} value={c.clientContact} onChange={(clientContact) => setC({ ...c, clientContact })} />
        </div>
        <TextField name="notes" multiline label={labels['notes']!} error={give.error} value={c.notes} onChange={(notes) => setC({ ...c, notes })} />
      </fieldset>
    </CommandForm>
  );
}

function Complaints() {
  const { t, i18n } = useTranslation(['legal-desk', 'common', 'enums']);
  const { principal } = useSession();
  const { legal } = useApi();
  const complaints = useQuery({ queryKey: ['legal', 'complaints'], queryFn: async () => unwrap(await legal.GET('/agency-complaints', { params: { query: {} } })).complaints });
  const [draft, setDraft] = useState({ agencyType: 'EMPLOYMENT_AGENCY', agencyName: '', filedAt: '' });
  const file = useCommand(async (body: ComplaintBody, key: string) => unwrap(await legal.POST('/agency-complaints', { body, headers: { 'Idempotency-Key': key } })), [['legal', 'complaints']]);
  const labels = { agencyType: t('fields.agencyType'), agencyName: t('fields.agencyName'), filedAt: t('fields.filedAt') };
  return (
    <>
      <section className="panel" aria-labelledby="complaints-heading">
        <h2 id="complaints-heading">{t('complaints.heading')}</h2>
        {complaints.isError && <ErrorSummary error={complaints.error} labels={{}} />}
        {complaints.data && complaints.data.length === 0 && <p>{t('complaints.empty')}</p>}
        {complaints.data && complaints.data.length > 0 && (
          <table>
            <caption className="visually-hidden">{t('complaints.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('complaints.filedAt')}</th>
                <th scope="col">{t('fields.agencyType')}</th>
                <th scope="col">{t('fields.agencyName')}</th>
                <th scope="col">{t('fields.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {complaints.data.map((complaint) => (
                <tr key={complaint.id} data-complaint={complaint.id}>
                  <td>{formatDate(complaint.filedAt, i18n.language as Language)}</td>
                  <td>{t(`enums:agencyType.${complaint.agencyType}`)}</td>
                  <td>{complaint.agencyName}</td>
                  <td>{complaint.decision ? t(`enums:regulatorDecision.${complaint.decision}`) : <DecisionForm complaintId={complaint.id} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CommandForm
        id="file-complaint-heading"
        title={t('complaints.file')}
        submitLabel={t('complaints.submit')}
        onSubmit={() =>
          file.mutate({ region: principal.region as Region, agencyType: draft.agencyType, agencyName: draft.agencyName, filedAt: when(draft.filedAt) } as ComplaintBody, {
            onSuccess: () => setDraft({ ...draft, agencyName: '', filedAt: '' }),
          })
        }
        pending={file.isPending}
        error={file.error}
        labels={labels}
        saved={file.isSuccess ? t('complaints.saved') : null}
      >
        <div className="row">
          <EnumField name="agencyType" vocabulary="agencyType" label={labels.agencyType} error={file.error} value={draft.agencyType} onChange={(agencyType) => setDraft({ ...draft, agencyType })} />
          <TextField name="agencyName" label={labels.agencyName} error={file.error} value={draft.agencyName} onChange={(agencyName) => setDraft({ ...draft, agencyName })} />
          <TextField name="filedAt" type="datetime-local" label={labels.filedAt} error={file.error} value={draft.filedAt} onChange={(filedAt) => setDraft({ ...draft, filedAt })} />
        </div>
      </CommandForm>
    </>
  );
}

/** The regulator's decision on one complaint, recorded from its row. */
function DecisionForm({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation('legal-desk');
  const { legal } = useApi();
  const [decision, setDecision] = useState('FINED');
  const decide = useCommand(
    async (body: DecisionBody, key: string) => unwrap(await legal.POST('/agency-complaints/{id}/decision', { params: { path: { id: complaintId } }, body, headers: { 'Idempotency-Key': key } })),
    [['legal', 'complaints']],
  );
  return (
    <form
      className="row inline"
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate({ decision } as DecisionBody);
      }}
    >
      <span className="hint">{t('complaints.awaiting')}</span>
      <EnumField name={`decision-${complaintId}`} vocabulary="regulatorDecision" label={t('fields.decision')} error={decide.error} value={decision} onChange={setDecision} />
      <button type="submit" disabled={decide.isPending}>
        {t('complaints.record')}
      </button>
      {decide.isError && <ErrorSummary error={decide.error} labels={{}} />}
    </form>
  );
}

function Proceedings() {
  const { t, i18n } = useTranslation(['legal-desk', 'common', 'enums']);
  const { principal } = useSession();
  const { legal } = useApi();
  const proceedings = useQuery({ queryKey: ['legal', 'proceedings'], queryFn: async () => unwrap(await legal.GET('/criminal-proceedings', { params: { query: {} } })).proceedings });
  const [draft, setDraft] = useState({ caseId: '', stage: 'COMPLAINT', articles: '', openedAt: '' });
  const open = useCommand(async (body: ProceedingBody, key: string) => unwrap(await legal.POST('/criminal-proceedings', { body, headers: { 'Idempotency-Key': key } })), [['legal', 'proceedings']]);
  const labels = { caseId: t('fields.caseId'), stage: t('fields.stage'), articles: t('fields.articles'), openedAt: t('fields.at') };
  return (
    <>
      <section className="panel" aria-labelledby="proceedings-heading">
        <h2 id="proceedings-heading">{t('proceedings.heading')}</h2>
        {proceedings.isError && <ErrorSummary error={proceedings.error} labels={{}} />}
        {proceedings.data && proceedings.data.length === 0 && <p>{t('proceedings.empty')}</p>}
        {proceedings.data && proceedings.data.length > 0 && (
          <table>
            <caption className="visually-hidden">{t('proceedings.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proceedings.opened')}</th>
                <th scope="col">{t('fields.articles')}</th>
                <th scope="col">{t('fields.stage')}</th>
                <th scope="col">{t('fields.verdict')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('proceedings.view')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {proceedings.data.map((p) => (
                <tr key={p.id} data-proceeding={p.id}>
                  <td>{formatDate(p.openedAt, i18n.language as Language)}</td>
                  <td>{p.articles.join(', ')}</td>
                  <td>{t(`enums:proceedingStage.${p.stage}`)}</td>
                  <td>{p.verdict ? t(`enums:verdict.${p.verdict}`) : '—'}</td>
                  <td>
                    <Link to={`/legal/proceedings/${p.id}`}>
                      {t('proceedings.view')}
                      <span className="visually-hidden"> {p.articles.join(', ')}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CommandForm
        id="open-proceeding-heading"
        title={t('proceedings.open')}
        hint={t('proceedings.stagesForward')}
        submitLabel={t('proceedings.submit')}
        onSubmit={() =>
          open.mutate(
            {
              region: principal.region as Region,
              caseId: optional(draft.caseId),
              stage: draft.stage,
              openedAt: when(draft.openedAt),
              articles: draft.articles
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
            } as ProceedingBody,
            { onSuccess: () => setDraft({ caseId: '', stage: 'COMPLAINT', articles: '', openedAt: '' }) },
          )
        }
        pending={open.isPending}
        error={open.error}
        labels={labels}
        saved={open.isSuccess ? t('proceedings.saved') : null}
      >
        <div className="row">
          <TextField name="articles" label={labels.articles} hint={t('proceedings.articlesHint')} error={open.error} value={draft.articles} onChange={(articles) => setDraft({ ...draft, articles })} />
          <EnumField name="stage" vocabulary="proceedingStage" label={labels.stage} error={open.error} value={draft.stage} onChange={(stage) => setDraft({ ...draft, stage })} />
          <TextField name="caseId" label={labels.caseId} error={open.error} value={draft.caseId} onChange={(caseId) => setDraft({ ...draft, caseId })} />
          <TextField name="openedAt" type="datetime-local" label={labels.openedAt} error={open.error} value={draft.openedAt} onChange={(openedAt) => setDraft({ ...draft, openedAt })} />
        </div>
      </CommandForm>
    </>
  );
}
