import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../app/contexts';
import { CommandForm, EnumChecks, EnumField, optional, TextField, Toggle, useCommand, when } from '../../components/form';
import { ListPanel } from '../../components/list-panel';
import { unwrap } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/psychology';

type ConsultationBody = paths['/consultations']['post']['requestBody']['content']['application/json'];

/** The psychologist's day: consultations (anonymous by default) and the rehabilitation plans of the region's referred cases. */
export default function PsychologyDeskPage() {
  const { t } = useTranslation('psychology-desk');
  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      <ConsultationForm />
      <PlanQueue />
    </div>
  );
}

const newConsultation = () => ({
  givenAt: '',
  clientType: 'PERSON_AT_RISK',
  clientSex: 'UNKNOWN',
  clientAgeBand: 'UNKNOWN',
  format: 'IN_PERSON',
  presentingIssues: [] as string[],
  anonymous: true,
  clientName: '',
  clientContact: '',
  notes: '',
});

function ConsultationForm() {
  const { t } = useTranslation('psychology-desk');
  const { principal } = useSession();
  const { psychology } = useApi();
  const [c, setC] = useState(newConsultation);
  const give = useCommand(async (body: ConsultationBody, key: string) => unwrap(await psychology.POST('/consultations', { body, headers: { 'Idempotency-Key': key } })));
  const labels = Object.fromEntries(['givenAt', 'clientType', 'clientSex', 'clientAgeBand', 'format', 'presentingIssues', 'clientName', 'clientContact', 'notes'].map((f) => [f, t(`fields.${f}`)]));
  const send = () =>
    give.mutate(
      {
        region: principal.region,
        givenAt: when(c.givenAt),
        clientType: c.clientType,
        clientSex: c.clientSex,
        clientAgeBand: c.clientAgeBand,
        format: c.format,
        presentingIssues: c.presentingIssues,
        anonymous: c.anonymous,
        // An anonymous client's identity is never sent, whatever was typed before the box was ticked.
        clientName: c.anonymous ? undefined : optional(c.clientName),
        clientContact: c.anonymous ? undefined : optional(c.clientContact),
        notes: optional(c.notes),
      } as ConsultationBody,
      { onSuccess: () => setC(newConsultation()) },
    );
  return (
    <CommandForm
      id="psychology-consultation-heading"
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
        <EnumField name="clientType" vocabulary="psychologyClientType" label={labels['clientType']!} error={give.error} value={c.clientType} onChange={(clientType) => setC({ ...c, clientType })} />
        <EnumField name="clientSex" vocabulary="sex" label={labels['clientSex']!} error={give.error} value={c.clientSex} onChange={(clientSex) => setC({ ...c, clientSex })} />
        <EnumField name="clientAgeBand" vocabulary="ageBand" label={labels['clientAgeBand']!} error={give.error} value={c.clientAgeBand} onChange={(clientAgeBand) => setC({ ...c, clientAgeBand })} />
        <EnumField name="format" vocabulary="consultationFormat" label={labels['format']!} error={give.error} value={c.format} onChange={(format) => setC({ ...c, format })} />
      </div>
      <EnumChecks
        name="presentingIssues"
        vocabulary="presentingIssue"
        label={labels['presentingIssues']!}
        error={give.error}
        values={c.presentingIssues}
        onChange={(presentingIssues) => setC({ ...c, presentingIssues })}
      />
      <fieldset className="personal">
        <legend>{t('fields.personal')}</legend>
        <Toggle name="anonymous" label={t('consultation.anonymous')} checked={c.anonymous} onChange={(anonymous) => setC({ ...c, anonymous })} />
        <div className="row">
          <TextField name="clientName" label={labels['clientName']!} error={give.error} disabled={c.anonymous} value={c.clientName} onChange={(clientName) => setC({ ...c, clientName })} />
          <TextField
            name="clientContact"
            label={labels['clientContact']!}
            error={give.error}
            disabled={c.anonymous}
            value={c.clientContact}
            onChange={(clientContact) => setC({ ...c, clientContact })}
          />
        </div>
        <TextField name="notes" multiline label={labels['notes']!} error={give.error} value={c.notes} onChange={(notes) => setC({ ...c, notes })} />
      </fieldset>
    </CommandForm>
  );
}

function PlanQueue() {
  const { t, i18n } = useTranslation(['psychology-desk', 'common', 'enums']);
  const { psychology } = useApi();
  const plans = useQuery({ queryKey: ['psychology', 'plans'], queryFn: async () => unwrap(await psychology.GET('/rehabilitation-plans', { params: { query: {} } })) });
  return (
    <ListPanel
      id="plans-heading"
      title={t('plans.heading')}
      list={plans}
      empty={t('plans.empty')}
      rowKey={(plan) => plan.caseId}
      rowAttribute="case"
      columns={[
        { header: t('plans.referredAt'), cell: (plan) => formatDate(plan.openedAt, i18n.language as Language) },
        { header: t('plans.case'), cell: (plan) => plan.caseId.slice(0, 8) },
        {
          header: t('plans.status'),
          cell: (plan) =>
            plan.endedAt && plan.outcome
              ? t('plans.ended', { outcome: t(`enums:rehabilitationOutcome.${plan.outcome}`) })
              : plan.assessedAt
                ? t('plans.inProgress', { count: plan.sessions })
                : t('plans.awaitingAssessment'),
        },
      ]}
      open={{ label: t('plans.open'), to: (plan) => `/psychology/plans/${plan.caseId}`, which: (plan) => plan.caseId.slice(0, 8) }}
    />
  );
}
