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
import type { paths } from '../../generated/social';

type Body<P extends '/stays/{caseId}/assistance' | '/stays/{caseId}/discharge' | '/stays/{caseId}/aftercare-contacts' | '/stays/{caseId}/therapy-sessions'> =
  paths[P]['post']['requestBody']['content']['application/json'];

/** One resident's stay: its course (with notes and medical details, for social workers), assistance, exit and aftercare. */
export default function StayPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation(['shelter-desk', 'common', 'enums']);
  const language = i18n.language as Language;
  const { social } = useApi();
  const stay = useQuery({ queryKey: ['stay', caseId], queryFn: async () => unwrap(await social.GET('/stays/{caseId}', { params: { path: { caseId } } })) });
  const path = { params: { path: { caseId } } };
  const changes = [['stay', caseId], ['stays'], ['shelters']] as const;
  const assist = useCommand(
    async (body: Body<'/stays/{caseId}/assistance'>, key: string) => unwrap(await social.POST('/stays/{caseId}/assistance', { ...path, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  const discharge = useCommand(
    async (body: Body<'/stays/{caseId}/discharge'>, key: string) => unwrap(await social.POST('/stays/{caseId}/discharge', { ...path, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  const contact = useCommand(
    async (body: Body<'/stays/{caseId}/aftercare-contacts'>, key: string) => unwrap(await social.POST('/stays/{caseId}/aftercare-contacts', { ...path, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  const therapy = useCommand(
    async (body: Body<'/stays/{caseId}/therapy-sessions'>, key: string) => unwrap(await social.POST('/stays/{caseId}/therapy-sessions', { ...path, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  const [session, setSession] = useState({ therapy: 'GROUP', at: '' });
  const [help, setHelp] = useState({ kind: 'FOOD', at: '', details: '' });
  const [exit, setExit] = useState({ exit: 'REUNITED_WITH_FAMILY', at: '', country: '', resettledIn: 'KZ-71', aftercareUntil: '', notes: '' });
  const [followUp, setFollowUp] = useState({ at: '', note: '' });
  const s = stay.data;
  return (
    <div className="desk">
      <h1>{t('stay.heading', { id: caseId.slice(0, 8) })}</h1>
      {stay.isPending && <p role="status">{t('common:loading')}</p>}
      {stay.isError && <ErrorSummary error={stay.error} labels={{}} />}
      {s && (
        <section className="panel" aria-labelledby="stay-course-heading">
          <h2 id="stay-course-heading">{t('stay.course')}</h2>
          <ol className="timeline">
            <li>
              <strong>{t('stay.requested')}</strong> · {formatDate(s.requestedAt, language)}
            </li>
            {s.admittedAt && (
              <li>
                <strong>{t('stay.admitted', { shelter: s.shelterName ?? '' })}</strong> · {formatDate(s.admittedAt, language)}
              </li>
            )}
            {s.assistance.map((a) => (
              <li key={a.id}>
                <strong>{t('stay.assistance', { kind: t(`enums:basicAssistanceKind.${a.kind}`) })}</strong> · {formatDateTime(a.givenAt, language)}
                {a.details && <p className="note">{a.details}</p>}
              </li>
            ))}
            {s.therapySessions.map((session) => (
              <li key={session.id}>
                <strong>{t('stay.session', { kind: t(`enums:shelterTherapyKind.${session.kind}`) })}</strong> · {formatDateTime(session.heldAt, language)}
                {session.planId && ` · ${t('stay.inPlan')}`}
              </li>
            ))}
            {s.dischargedAt && s.exit && (
              <li>
                <strong>{t('stay.discharged', { exit: t(`enums:shelterExit.${s.exit}`) })}</strong> · {formatDate(s.dischargedAt, language)}
                {s.country && ` · ${s.country}`}
                {s.resettledIn && ` · ${t(`enums:region.${s.resettledIn}`)}`}
                {s.notes && <p className="note">{s.notes}</p>}
              </li>
            )}
            {s.contacts.map((c) => (
              <li key={c.id}>
                <strong>{t('stay.contact')}</strong> · {formatDateTime(c.contactedAt, language)}
                {c.note && <p className="note">{c.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {s && (
        <CommandForm
          id="assist-heading"
          title={t('stay.assist')}
          submitLabel={t('stay.submit')}
          onSubmit={() =>
            assist.mutate({ kind: help.kind, givenAt: when(help.at), details: optional(help.details) } as Body<'/stays/{caseId}/assistance'>, {
              onSuccess: () => setHelp({ ...help, at: '', details: '' }),
            })
          }
          pending={assist.isPending}
          error={assist.error}
          labels={{ kind: t('fields.kind'), givenAt: t('fields.at'), details: t('fields.details') }}
          saved={assist.isSuccess ? t('stay.saved') : null}
        >
          <div className="row">
            <EnumField name="kind" vocabulary="basicAssistanceKind" label={t('fields.kind')} error={assist.error} value={help.kind} onChange={(kind) => setHelp({ ...help, kind })} />
            <TextField name="givenAt" type="datetime-local" label={t('fields.at')} error={assist.error} value={help.at} onChange={(at) => setHelp({ ...help, at })} />
          </div>
          <TextField name="details" multiline label={t('fields.details')} error={assist.error} value={help.details} onChange={(details) => setHelp({ ...help, details })} />
        </CommandForm>
      )}
      {s?.status === 'RESIDENT' && (
        <CommandForm
          id="therapy-heading"
          title={t('stay.therapy')}
          submitLabel={t('stay.submit')}
          onSubmit={() => therapy.mutate({ therapy: session.therapy, heldAt: when(session.at) } as Body<'/stays/{caseId}/therapy-sessions'>, { onSuccess: () => setSession({ ...session, at: '' }) })}
          pending={therapy.isPending}
          error={therapy.error}
          labels={{ therapy: t('fields.therapy'), heldAt: t('fields.at') }}
          saved={therapy.isSuccess ? t('stay.saved') : null}
        >
          {s.rehabilitationPlan && !s.rehabilitationPlan.endedAt && <p className="hint">{t('stay.planRuns')}</p>}
          <div className="row">
            <EnumField
              name="therapy"
              vocabulary="shelterTherapyKind"
              label={t('fields.therapy')}
              error={therapy.error}
              value={session.therapy}
              onChange={(value) => setSession({ ...session, therapy: value })}
            />
            <TextField name="heldAt" type="datetime-local" label={t('fields.at')} error={therapy.error} value={session.at} onChange={(at) => setSession({ ...session, at })} />
          </div>
        </CommandForm>
      )}
      {s?.status === 'RESIDENT' && (
        <CommandForm
          id="discharge-heading"
          title={t('stay.discharge')}
          submitLabel={t('stay.submit')}
          onSubmit={() =>
            discharge.mutate({
              exit: exit.exit,
              dischargedAt: when(exit.at),
              ...(exit.exit === 'REPATRIATED' ? { country: exit.country.trim().toUpperCase() } : {}),
              ...(exit.exit === 'RESETTLED' ? { resettledIn: exit.resettledIn } : {}),
              ...(exit.aftercareUntil ? { aftercareUntil: exit.aftercareUntil } : {}),
              notes: optional(exit.notes),
            } as Body<'/stays/{caseId}/discharge'>)
          }
          pending={discharge.isPending}
          error={discharge.error}
          labels={{ exit: t('fields.exit'), dischargedAt: t('fields.at'), country: t('fields.country'), resettledIn: t('fields.resettledIn'), aftercareUntil: t('fields.aftercareUntil') }}
        >
          <div className="row">
            <EnumField name="exit" vocabulary="shelterExit" label={t('fields.exit')} error={discharge.error} value={exit.exit} onChange={(value) => setExit({ ...exit, exit: value })} />
            {exit.exit === 'REPATRIATED' && <TextField name="country" label={t('fields.country')} error={discharge.error} value={exit.country} onChange={(country) => setExit({ ...exit, country })} />}
            {exit.exit === 'RESETTLED' && (
              <EnumField
                name="resettledIn"
                vocabulary="region"
                label={t('fields.resettledIn')}
                error={discharge.error}
                value={exit.resettledIn}
                onChange={(resettledIn) => setExit({ ...exit, resettledIn })}
              />
            )}
            <TextField name="dischargedAt" type="datetime-local" label={t('fields.at')} error={discharge.error} value={exit.at} onChange={(at) => setExit({ ...exit, at })} />
            <TextField
              name="aftercareUntil"
              type="date"
              label={t('fields.aftercareUntil')}
              error={discharge.error}
              value={exit.aftercareUntil}
              onChange={(aftercareUntil) => setExit({ ...exit, aftercareUntil })}
            />
          </div>
          <TextField name="notes" multiline label={t('fields.notes')} error={discharge.error} value={exit.notes} onChange={(notes) => setExit({ ...exit, notes })} />
        </CommandForm>
      )}
      {s?.status === 'DISCHARGED' && s.aftercareUntil && (
        <CommandForm
          id="follow-up-heading"
          title={t('stay.followUp')}
          submitLabel={t('stay.submit')}
          onSubmit={() =>
            contact.mutate({ contactedAt: when(followUp.at), note: optional(followUp.note) } as Body<'/stays/{caseId}/aftercare-contacts'>, { onSuccess: () => setFollowUp({ at: '', note: '' }) })
          }
          pending={contact.isPending}
          error={contact.error}
          labels={{ contactedAt: t('fields.at'), note: t('fields.note') }}
          saved={contact.isSuccess ? t('stay.saved') : null}
        >
          <TextField name="contactedAt" type="datetime-local" label={t('fields.at')} error={contact.error} value={followUp.at} onChange={(at) => setFollowUp({ ...followUp, at })} />
          <TextField name="note" multiline label={t('fields.note')} error={contact.error} value={followUp.note} onChange={(note) => setFollowUp({ ...followUp, note })} />
        </CommandForm>
      )}
    </div>
  );
}
