import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi } from '../../app/contexts';
import { CommandForm, EnumField, optional, TextField, useCommand, when } from '../../components/form';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/psychology';

type AssessmentBody = paths['/rehabilitation-plans/{caseId}/assessment']['post']['requestBody']['content']['application/json'];
type SessionBody = paths['/rehabilitation-plans/{caseId}/sessions']['post']['requestBody']['content']['application/json'];
type EndingBody = paths['/rehabilitation-plans/{caseId}/ending']['post']['requestBody']['content']['application/json'];

/** One victim's rehabilitation: assessment, sessions and ending, with the notes (psychologists only), and the next step's forms. */
export default function RehabilitationPlanPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation(['psychology-desk', 'common', 'enums']);
  const language = i18n.language as Language;
  const { psychology } = useApi();
  const plan = useQuery({ queryKey: ['psychology', 'plan', caseId], queryFn: async () => unwrap(await psychology.GET('/rehabilitation-plans/{caseId}', { params: { path: { caseId } } })) });
  const path = { params: { path: { caseId } } };
  const changes = [
    ['psychology', 'plan', caseId],
    ['psychology', 'plans'],
  ] as const;
  const assess = useCommand(
    async (body: AssessmentBody, key: string) => unwrap(await psychology.POST('/rehabilitation-plans/{caseId}/assessment', { ...path, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  const hold = useCommand(
    async (body: SessionBody, key: string) => unwrap(await psychology.POST('/rehabilitation-plans/{caseId}/sessions', { ...path, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  const end = useCommand(
    async (body: EndingBody, key: string) => unwrap(await psychology.POST('/rehabilitation-plans/{caseId}/ending', { ...path, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  const [assessment, setAssessment] = useState({ at: '', note: '' });
  const [session, setSession] = useState({ at: '', format: 'IN_PERSON', note: '' });
  const [ending, setEnding] = useState({ at: '', outcome: 'COMPLETED' });
  const p = plan.data;
  return (
    <div className="desk">
      <h1>{t('plan.heading', { id: caseId.slice(0, 8) })}</h1>
      {plan.isPending && <p role="status">{t('common:loading')}</p>}
      {plan.isError && <ErrorSummary error={plan.error} labels={{}} />}
      {p && (
        <section className="panel" aria-labelledby="plan-course-heading">
          <h2 id="plan-course-heading">{t('plan.course')}</h2>
          <ol className="timeline">
            <li>{t('plan.referredAt', { date: formatDate(p.openedAt, language) })}</li>
            {p.assessedAt && (
              <li>
                <strong>{t('plan.assessed')}</strong> · {formatDateTime(p.assessedAt, language)}
                {p.assessmentNote && <p className="note">{p.assessmentNote}</p>}
              </li>
            )}
            {p.sessions.map((s) => (
              <li key={s.id}>
                <strong>{t('plan.session', { format: t(`enums:consultationFormat.${s.format}`) })}</strong> · {formatDateTime(s.heldAt, language)}
                {s.note && <p className="note">{s.note}</p>}
              </li>
            ))}
            {p.endedAt && p.outcome && (
              <li>
                <strong>{t('plan.ended', { outcome: t(`enums:rehabilitationOutcome.${p.outcome}`) })}</strong> · {formatDate(p.endedAt, language)}
              </li>
            )}
          </ol>
          {!p.endedAt && <p className="hint">{t('plan.order')}</p>}
        </section>
      )}
      {p && !p.endedAt && !p.assessedAt && (
        <CommandForm
          id="assess-heading"
          title={t('plan.assess')}
          submitLabel={t('plan.submit')}
          onSubmit={() => assess.mutate({ assessedAt: when(assessment.at), note: optional(assessment.note) } as AssessmentBody)}
          pending={assess.isPending}
          error={assess.error}
          labels={{ assessedAt: t('fields.at'), note: t('fields.note') }}
        >
          <TextField name="assessedAt" type="datetime-local" label={t('fields.at')} error={assess.error} value={assessment.at} onChange={(at) => setAssessment({ ...assessment, at })} />
          <TextField name="note" multiline label={t('fields.note')} error={assess.error} value={assessment.note} onChange={(note) => setAssessment({ ...assessment, note })} />
        </CommandForm>
      )}
      {p && !p.endedAt && p.assessedAt && (
        <>
          <CommandForm
            id="session-heading"
            title={t('plan.hold')}
            submitLabel={t('plan.submit')}
            onSubmit={() =>
              hold.mutate({ heldAt: when(session.at), format: session.format, note: optional(session.note) } as SessionBody, {
                onSuccess: () => setSession({ at: '', format: session.format, note: '' }),
              })
            }
            pending={hold.isPending}
            error={hold.error}
            labels={{ heldAt: t('fields.at'), format: t('fields.format'), note: t('fields.note') }}
            saved={hold.isSuccess ? t('plan.saved') : null}
          >
            <div className="row">
              <TextField name="heldAt" type="datetime-local" label={t('fields.at')} error={hold.error} value={session.at} onChange={(at) => setSession({ ...session, at })} />
              <EnumField name="format" vocabulary="consultationFormat" label={t('fields.format')} error={hold.error} value={session.format} onChange={(format) => setSession({ ...session, format })} />
            </div>
            <TextField name="note" multiline label={t('fields.note')} error={hold.error} value={session.note} onChange={(note) => setSession({ ...session, note })} />
          </CommandForm>
          <CommandForm
            id="ending-heading"
            title={t('plan.end')}
            submitLabel={t('plan.submit')}
            onSubmit={() => end.mutate({ endedAt: when(ending.at), outcome: ending.outcome } as EndingBody)}
            pending={end.isPending}
            error={end.error}
            labels={{ endedAt: t('fields.at'), outcome: t('fields.outcome') }}
          >
            <div className="row">
              <EnumField
                name="outcome"
                vocabulary="rehabilitationOutcome"
                label={t('fields.outcome')}
                error={end.error}
                value={ending.outcome}
                onChange={(outcome) => setEnding({ ...ending, outcome })}
              />
              <TextField name="endedAt" type="datetime-local" label={t('fields.at')} error={end.error} value={ending.at} onChange={(at) => setEnding({ ...ending, at })} />
            </div>
          </CommandForm>
        </>
      )}
    </div>
  );
}
