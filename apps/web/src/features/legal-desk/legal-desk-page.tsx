import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../app/contexts';
import { CommandForm, EnumChecks, EnumField, optional, TextField, when, useCommand } from '../../components/form';
import { ErrorSummary } from '../../components/form-errors';
import { ListPanel } from '../../components/list-panel';
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
    <ListPanel
      id="legal-queue-heading"
      title={t('queue.heading')}
      list={queue}
      empty={t('queue.empty')}
      rowKey={(item) => item.caseId}
      rowAttribute="case"
      columns={[
        { header: t('queue.referredAt'), cell: (item) => formatDate(item.openedAt, i18n.language as Language) },
        { header: t('queue.case'), cell: (item) => item.caseId.slice(0, 8) },
        { header: t('queue.done'), cell: (item) => (item.actions.length ? item.actions.map((a) => t(`enums:assistanceKind.${a.kind}`)).join(', ') : t('queue.nothingYet')) },
      ]}
      open={{ label: t('queue.open'), to: (item) => `/legal/cases/${item.caseId}`, which: (item) => item.caseId.slice(0, 8) }}
    />
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
      <ListPanel
        id="complaints-heading"
        title={t('complaints.heading')}
        list={complaints}
        empty={t('complaints.empty')}
        rowKey={(complaint) => complaint.id}
        rowAttribute="complaint"
        columns={[
          { header: t('complaints.filedAt'), cell: (complaint) => formatDate(complaint.filedAt, i18n.language as Language) },
          { header: t('fields.agencyType'), cell: (complaint) => t(`enums:agencyType.${complaint.agencyType}`) },
          { header: t('fields.agencyName'), cell: (complaint) => complaint.agencyName },
          { header: t('fields.decision'), cell: (complaint) => (complaint.decision ? t(`enums:regulatorDecision.${complaint.decision}`) : <DecisionForm complaintId={complaint.id} />) },
        ]}
      />
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
      <ListPanel
        id="proceedings-heading"
        title={t('proceedings.heading')}
        list={proceedings}
        empty={t('proceedings.empty')}
        rowKey={(p) => p.id}
        rowAttribute="proceeding"
        columns={[
          { header: t('proceedings.opened'), cell: (p) => formatDate(p.openedAt, i18n.language as Language) },
          { header: t('fields.articles'), cell: (p) => p.articles.join(', ') },
          { header: t('fields.stage'), cell: (p) => t(`enums:proceedingStage.${p.stage}`) },
          { header: t('fields.verdict'), cell: (p) => (p.verdict ? t(`enums:verdict.${p.verdict}`) : '—') },
        ]}
        open={{ label: t('proceedings.view'), to: (p) => `/legal/proceedings/${p.id}`, which: (p) => p.articles.join(', ') }}
      />
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
