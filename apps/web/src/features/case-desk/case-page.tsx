import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApi, useSession } from '../../app/contexts';
import { EnumSelect } from '../../components/enum-select';
import { ErrorSummary } from '../../components/form-errors';
import { useCommand } from '../../components/form';
import { CaseHistory } from './case-history';
import { ApiError, newIdempotencyKey, unwrap } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import type { paths } from '../../generated/intake';

type ReferBody = paths['/cases/{id}/referrals']['post']['requestBody']['content']['application/json'];
type IdentifyBody = paths['/cases/{id}/identification']['post']['requestBody']['content']['application/json'];
type CloseBody = paths['/cases/{id}/closure']['post']['requestBody']['content']['application/json'];

export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation(['case-desk', 'common', 'enums']);
  const language = i18n.language as Language;
  const { principal } = useSession();
  const { intake, projection } = useApi();
  const queryClient = useQueryClient();
  const theCase = useQuery({ queryKey: ['case', caseId], queryFn: async () => unwrap(await intake.GET('/cases/{id}', { params: { path: { id: caseId } } })) });
  const mayReadHistory = principal.role === 'REGIONAL_MANAGER';
  const history = useQuery({
    queryKey: ['case-history', caseId],
    enabled: mayReadHistory,
    queryFn: async () => unwrap(await projection.GET('/views/case-progress/{caseId}', { params: { path: { caseId } } })),
  });
  const key = useRef(newIdempotencyKey());
  const act = useMutation({
    mutationFn: async (action: { kind: 'identify'; body: IdentifyBody } | { kind: 'refer'; body: ReferBody } | { kind: 'close'; body: CloseBody }) => {
      const options = { params: { path: { id: caseId } }, headers: { 'Idempotency-Key': key.current } };
      if (action.kind === 'identify') return unwrap(await intake.POST('/cases/{id}/identification', { ...options, body: action.body }));
      if (action.kind === 'refer') return unwrap(await intake.POST('/cases/{id}/referrals', { ...options, body: action.body }));
      return unwrap(await intake.POST('/cases/{id}/closure', { ...options, body: action.body }));
    },
    onSettled: () => {
      key.current = newIdempotencyKey();
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const [identifiedBy, setIdentifiedBy] = useState('NGO');
  const [destination, setDestination] = useState('LEGAL');
  const [reason, setReason] = useState('ASSISTANCE_COMPLETED');
  const submit = (action: Parameters<typeof act.mutate>[0]) => (event: FormEvent) => {
    event.preventDefault();
    act.mutate(action);
  };
  // A refusal in the user's language when the rule is one the desk knows; the service's words otherwise.
  const refusal =
    act.error instanceof ApiError && act.error.status === 409
      ? (act.error.problem.rules ?? [])
          .map((rule) => t(`rules.${rule}`, { defaultValue: '' }))
          .filter(Boolean)
          .join(' ') || act.error.message
      : null;

  if (theCase.isPending) return <p role="status">{t('common:loading')}</p>;
  if (theCase.isError) {
    return (
      <div className="desk">
        <h1>{t('case.heading')}</h1>
        <ErrorSummary error={theCase.error} labels={{}} />
      </div>
    );
  }
  const c = theCase.data;
  const open = c.status === 'OPEN';
  return (
    <div className="desk">
      <h1>
        {t('case.heading')} {c.id.slice(0, 8)} · {t(`enums:caseStatus.${c.status}`)}
      </h1>
      <div aria-live="polite">
        {refusal && (
          <p role="alert" className="error">
            {t('case.refused', { reason: refusal })}
          </p>
        )}
        {act.isError && !refusal && <ErrorSummary error={act.error} labels={{}} />}
        {act.isSuccess && (
          <p role="status" className="success">
            {t('case.done')}
          </p>
        )}
      </div>
      <section aria-labelledby="facts-heading" className="panel">
        <h2 id="facts-heading">{t('case.facts')}</h2>
        <dl className="facts">
          <dt>{t('list.openedAt')}</dt>
          <dd>{formatDateTime(c.openedAt, language)}</dd>
          <dt>{t('open.subjectSex')}</dt>
          <dd>{t(`enums:sex.${c.subjectSex}`)}</dd>
          <dt>{t('open.subjectAgeBand')}</dt>
          <dd>{t(`enums:ageBand.${c.subjectAgeBand}`)}</dd>
          <dt>{t('list.citizenship')}</dt>
          <dd>{c.citizenship}</dd>
          <dt>{t('open.exploitationForm')}</dt>
          <dd>{t(`enums:exploitationForm.${c.exploitationForm}`)}</dd>
          <dt>{t('open.scope')}</dt>
          <dd>{t(`enums:scope.${c.scope}`)}</dd>
          <dt>{t('list.identified')}</dt>
          <dd>{c.identifiedBy ? `${t(`enums:identifiedBy.${c.identifiedBy}`)}, ${formatDate(c.identifiedAt!, language)}` : '—'}</dd>
          <dt>{t('case.consentShort')}</dt>
          <dd>{(['services', 'externalReferral', 'reporting'] as const).map((k) => `${t(`open.consent.${k}`)}: ${c.consent[k] ? t('common:yes') : t('common:no')}`).join('; ')}</dd>
        </dl>
      </section>
      {open && !c.identifiedBy && (
        <form className="panel row" onSubmit={submit({ kind: 'identify', body: { identifiedBy } as IdentifyBody })} aria-labelledby="identify-heading">
          <h2 id="identify-heading">{t('case.identify')}</h2>
          <EnumSelect vocabulary="identifiedBy" label={t('case.identifiedBy')} value={identifiedBy} onChange={setIdentifiedBy} />
          <button type="submit" disabled={act.isPending}>
            {t('case.identify')}
          </button>
        </form>
      )}
      <section aria-labelledby="referrals-heading" className="panel">
        <h2 id="referrals-heading">{t('case.referrals')}</h2>
        {c.referrals.length === 0 ? (
          <p>{t('case.noReferrals')}</p>
        ) : (
          <ul>
            {c.referrals.map((r) => (
              <li key={r.id}>
                {t(`enums:referralDestination.${r.destination}`)} — {formatDateTime(r.referredAt, language)}
              </li>
            ))}
          </ul>
        )}
        {open && (
          <form className="row" onSubmit={submit({ kind: 'refer', body: { destination } as ReferBody })}>
            <EnumSelect vocabulary="referralDestination" id="field-destination" label={t('case.destination')} value={destination} onChange={setDestination} />
            <button type="submit" disabled={act.isPending}>
              {t('case.referButton')}
            </button>
          </form>
        )}
      </section>
      {open && (
        <form className="panel row" onSubmit={submit({ kind: 'close', body: { reason } as CloseBody })} aria-labelledby="close-heading">
          <h2 id="close-heading">{t('case.close')}</h2>
          <EnumSelect vocabulary="closureReason" label={t('case.closureReason')} value={reason} onChange={setReason} />
          <button type="submit" disabled={act.isPending}>
            {t('case.closeButton')}
          </button>
        </form>
      )}
      {principal.role === 'REGIONAL_MANAGER' && <Erasure caseId={caseId} erased={c.personalDataErased} />}
      <section aria-labelledby="history-heading" className="panel">
        <h2 id="history-heading">{t('case.history')}</h2>
        {!mayReadHistory && <p>{t('case.historyHidden')}</p>}
        {mayReadHistory && history.isPending && <p role="status">{t('common:loading')}</p>}
        {mayReadHistory && history.isError && <p>{t('case.historyUnavailable')}</p>}
        {mayReadHistory && history.isSuccess && <CaseHistory history={history.data.history} />}
      </section>
    </div>
  );
}

/**
 * Erasure on the victim's request, from the regional manager's workspace: it says exactly what is
 * destroyed and what stays, and asks once more before anything happens.
 */
function Erasure({ caseId, erased }: { caseId: string; erased: boolean }) {
  const { t } = useTranslation('case-desk');
  const { intake } = useApi();
  const [asking, setAsking] = useState(false);
  const erase = useCommand(
    async (_: null, key: string) => unwrap(await intake.POST('/cases/{id}/erasure', { params: { path: { id: caseId } }, headers: { 'Idempotency-Key': key } })),
    [['case', caseId]],
  );
  return (
    <section aria-labelledby="erasure-heading" className="panel personal">
      <h2 id="erasure-heading">{t('erasure.heading')}</h2>
      {erased ? (
        <p role="status">{erase.isSuccess ? t('erasure.done') : t('erasure.already')}</p>
      ) : (
        <>
          <p>{t('erasure.destroys')}</p>
          <p>{t('erasure.keeps')}</p>
          <ErrorSummary error={erase.error} labels={{}} />
          {asking ? (
            <div role="alertdialog" aria-labelledby="erasure-question" className="confirm">
              <p id="erasure-question">
                <strong>{t('erasure.question')}</strong>
              </p>
              <div className="actions">
                <button type="button" className="danger" disabled={erase.isPending} onClick={() => erase.mutate(null, { onSuccess: () => setAsking(false) })}>
                  {t('erasure.confirm')}
                </button>
                <button type="button" onClick={() => setAsking(false)} autoFocus>
                  {t('erasure.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setAsking(true)}>
              {t('erasure.start')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
