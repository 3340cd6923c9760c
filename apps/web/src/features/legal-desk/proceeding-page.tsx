import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi } from '../../app/contexts';
import { CommandForm, EnumField, TextField, useCommand, when } from '../../components/form';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/legal';

type StageBody = paths['/criminal-proceedings/{id}/stage']['post']['requestBody']['content']['application/json'];
type VerdictBody = paths['/criminal-proceedings/{id}/verdict']['post']['requestBody']['content']['application/json'];

/** Criminal proceedings as a timeline — followed since, the stage reached, the verdict — with the next step's form. */
export default function ProceedingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['legal-desk', 'common', 'enums']);
  const language = i18n.language as Language;
  const { legal } = useApi();
  const proceeding = useQuery({ queryKey: ['legal', 'proceeding', id], queryFn: async () => unwrap(await legal.GET('/criminal-proceedings/{id}', { params: { path: { id } } })) });
  const [stage, setStage] = useState({ stage: 'INVESTIGATION', at: '' });
  const [verdict, setVerdict] = useState({ verdict: 'CONVICTION', sentenceYears: '', deliveredAt: '' });
  const changes = [
    ['legal', 'proceeding', id],
    ['legal', 'proceedings'],
  ] as const;
  const advance = useCommand(
    async (body: StageBody, key: string) => unwrap(await legal.POST('/criminal-proceedings/{id}/stage', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  const deliver = useCommand(
    async (body: VerdictBody, key: string) => unwrap(await legal.POST('/criminal-proceedings/{id}/verdict', { params: { path: { id } }, body, headers: { 'Idempotency-Key': key } })),
    changes,
  );
  // A step out of order is refused by rule (409); the service's own words say which.
  const p = proceeding.data;
  return (
    <div className="desk">
      <h1>
        {t('proceedings.heading')} · {p ? p.articles.join(', ') : id.slice(0, 8)}
      </h1>
      {proceeding.isPending && <p role="status">{t('common:loading')}</p>}
      {proceeding.isError && <ErrorSummary error={proceeding.error} labels={{}} />}
      {p && (
        <section className="panel" aria-labelledby="proceeding-timeline-heading">
          <h2 id="proceeding-timeline-heading">{t('proceedings.timeline')}</h2>
          <ol className="timeline">
            <li>
              <strong>{t('proceedings.opened')}</strong> · {formatDate(p.openedAt, language)}
            </li>
            <li>
              <strong>{t('proceedings.movedTo', { stage: t(`enums:proceedingStage.${p.stage}`) })}</strong> · {formatDate(p.stageAt, language)}
            </li>
            {p.verdict && (
              <li>
                <strong>{t('proceedings.verdictOn', { verdict: t(`enums:verdict.${p.verdict}`) })}</strong>
                {p.deliveredAt && ` · ${formatDate(p.deliveredAt, language)}`}
                {p.sentenceYears !== null && ` · ${t('proceedings.sentence', { years: formatNumber(p.sentenceYears, language) })}`}
              </li>
            )}
          </ol>
          <p className="hint">{p.verdict ? t('proceedings.final') : t('proceedings.stagesForward')}</p>
        </section>
      )}
      {p && !p.verdict && (
        <>
          <CommandForm
            id="advance-heading"
            title={t('proceedings.advance')}
            submitLabel={t('proceedings.advanceSubmit')}
            onSubmit={() => advance.mutate({ stage: stage.stage, at: when(stage.at) } as StageBody)}
            pending={advance.isPending}
            error={advance.error}
            labels={{ stage: t('fields.stage'), at: t('fields.at') }}
          >
            <div className="row">
              <EnumField name="stage" vocabulary="proceedingStage" label={t('fields.stage')} error={advance.error} value={stage.stage} onChange={(value) => setStage({ ...stage, stage: value })} />
              <TextField name="at" type="datetime-local" label={t('fields.at')} error={advance.error} value={stage.at} onChange={(at) => setStage({ ...stage, at })} />
            </div>
          </CommandForm>
          <CommandForm
            id="verdict-heading"
            title={t('proceedings.verdict')}
            submitLabel={t('proceedings.verdictSubmit')}
            onSubmit={() =>
              deliver.mutate({
                verdict: verdict.verdict,
                deliveredAt: when(verdict.deliveredAt),
                sentenceYears: verdict.sentenceYears.trim() === '' ? null : Number(verdict.sentenceYears.replace(',', '.')),
              } as VerdictBody)
            }
            pending={deliver.isPending}
            error={deliver.error}
            labels={{ verdict: t('fields.verdict'), sentenceYears: t('fields.sentenceYears'), deliveredAt: t('fields.at') }}
          >
            <div className="row">
              <EnumField
                name="verdict"
                vocabulary="verdict"
                label={t('fields.verdict')}
                error={deliver.error}
                value={verdict.verdict}
                onChange={(value) => setVerdict({ ...verdict, verdict: value })}
              />
              <TextField
                name="sentenceYears"
                label={t('fields.sentenceYears')}
                error={deliver.error}
                value={verdict.sentenceYears}
                onChange={(sentenceYears) => setVerdict({ ...verdict, sentenceYears })}
              />
              <TextField
                name="deliveredAt"
                type="datetime-local"
                label={t('fields.at')}
                error={deliver.error}
                value={verdict.deliveredAt}
                onChange={(deliveredAt) => setVerdict({ ...verdict, deliveredAt })}
              />
            </div>
          </CommandForm>
        </>
      )}
    </div>
  );
}
