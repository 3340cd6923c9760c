import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi } from '../../app/contexts';
import { CommandForm, EnumField, optional, TextField, Toggle, useCommand, when } from '../../components/form';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/legal';

type ActionBody = paths['/case-assistance/{caseId}/actions']['post']['requestBody']['content']['application/json'];

/** What a lawyer did on one referred case, with the notes (sealed in legal, shown to lawyers), and the form to add to it. */
export default function CaseAssistancePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation(['legal-desk', 'common', 'enums']);
  const language = i18n.language as Language;
  const { legal } = useApi();
  const assistance = useQuery({ queryKey: ['legal', 'assistance', caseId], queryFn: async () => unwrap(await legal.GET('/case-assistance/{caseId}', { params: { path: { caseId } } })) });
  const [draft, setDraft] = useState({ kind: 'DOCUMENTS_RESTORED', at: '', country: '', embassyInvolved: false, note: '' });
  const act = useCommand(
    async (body: ActionBody, key: string) => unwrap(await legal.POST('/case-assistance/{caseId}/actions', { params: { path: { caseId } }, body, headers: { 'Idempotency-Key': key } })),
    [
      ['legal', 'assistance', caseId],
      ['legal', 'queue'],
    ],
  );
  const repatriation = draft.kind === 'REPATRIATION';
  const labels = { kind: t('fields.kind'), at: t('fields.at'), country: t('fields.country'), embassyInvolved: t('fields.embassyInvolved'), note: t('fields.note') };
  return (
    <div className="desk">
      <h1>{t('assistance.heading', { id: caseId.slice(0, 8) })}</h1>
      {assistance.isPending && <p role="status">{t('common:loading')}</p>}
      {assistance.isError && <ErrorSummary error={assistance.error} labels={{}} />}
      {assistance.data && (
        <section className="panel" aria-labelledby="assistance-actions-heading">
          <h2 id="assistance-actions-heading">{t('assistance.actions')}</h2>
          <p>{t('assistance.referredAt', { date: formatDate(assistance.data.openedAt, language) })}</p>
          {assistance.data.actions.length === 0 ? (
            <p>{t('assistance.none')}</p>
          ) : (
            <ol className="timeline">
              {assistance.data.actions.map((action) => (
                <li key={action.id}>
                  <strong>{t(`enums:assistanceKind.${action.kind}`)}</strong> · {formatDateTime(action.at, language)}
                  {action.country && ` · ${action.country}`}
                  {action.embassyInvolved && ` · ${t('assistance.embassy')}`}
                  {action.note && <p className="note">{action.note}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <CommandForm
        id="record-assistance-heading"
        title={t('assistance.record')}
        hint={t('assistance.repatriationHint')}
        submitLabel={t('assistance.submit')}
        onSubmit={() =>
          act.mutate(
            {
              kind: draft.kind,
              at: when(draft.at),
              note: optional(draft.note),
              ...(repatriation ? { country: optional(draft.country.toUpperCase()), embassyInvolved: draft.embassyInvolved } : {}),
            } as ActionBody,
            { onSuccess: () => setDraft({ kind: draft.kind, at: '', country: '', embassyInvolved: false, note: '' }) },
          )
        }
        pending={act.isPending}
        error={act.error}
        labels={labels}
        saved={act.isSuccess ? t('assistance.saved') : null}
      >
        <div className="row">
          <EnumField name="kind" vocabulary="assistanceKind" label={labels.kind} error={act.error} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
          <TextField name="at" type="datetime-local" label={labels.at} error={act.error} value={draft.at} onChange={(at) => setDraft({ ...draft, at })} />
          {repatriation && <TextField name="country" label={labels.country} error={act.error} value={draft.country} onChange={(country) => setDraft({ ...draft, country })} />}
        </div>
        {repatriation && <Toggle name="embassyInvolved" label={labels.embassyInvolved} checked={draft.embassyInvolved} onChange={(embassyInvolved) => setDraft({ ...draft, embassyInvolved })} />}
        <fieldset className="personal">
          <legend>{t('fields.personal')}</legend>
          <TextField name="note" multiline label={labels.note} error={act.error} value={draft.note} onChange={(note) => setDraft({ ...draft, note })} />
        </fieldset>
      </CommandForm>
    </div>
  );
}
