import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../app/contexts';
import { EnumSelect } from '../../components/enum-select';
import { ErrorSummary, FieldError, useFieldErrors } from '../../components/form-errors';
import { useUnsavedWarning } from '../../components/use-unsaved-warning';
import { newIdempotencyKey, unwrap } from '../../lib/api';
import { almatyInputToIso, almatyLocalInput } from '../../lib/format';
import { enumValues } from '../../lib/i18n';
import type { paths } from '../../generated/intake';

type LogCallBody = paths['/hotline-calls']['post']['requestBody']['content']['application/json'];

interface CallDraft {
  channel: string;
  receivedAt: string;
  callerCategory: string;
  callerSex: string;
  callerAgeBand: string;
  topics: string[];
  destinationCountry: string;
  referrals: string[];
  anonymous: boolean;
  callerName: string;
  callerPhone: string;
  notes: string;
}

const emptyDraft = (): CallDraft => ({
  channel: 'VOICE_CALL',
  receivedAt: '',
  callerCategory: '',
  callerSex: 'UNKNOWN',
  callerAgeBand: 'UNKNOWN',
  topics: [],
  destinationCountry: '',
  referrals: [],
  anonymous: true,
  callerName: '',
  callerPhone: '',
  notes: '',
});

// Kept outside the component: moving to another desk and back does not lose an unsaved call.
let keptDraft: CallDraft | null = null;
let keptKey: string | null = null;

export function CallForm() {
  const { t } = useTranslation(['hotline-desk', 'common', 'enums']);
  const { principal } = useSession();
  const { intake } = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<CallDraft>(() => keptDraft ?? emptyDraft());
  const [dirty, setDirty] = useState(keptDraft !== null);
  // When the operator can first type: the benchmark reads it to tell the page's own time from the harness's.
  useEffect(() => {
    if (performance.getEntriesByName('qorgau:hotline:usable').length === 0) performance.mark('qorgau:hotline:usable');
  }, []);
  const [saved, setSaved] = useState(false);
  // The same submission keeps its key across retries; a new call gets a new one.
  const idempotencyKey = useRef<string>(keptKey ?? newIdempotencyKey());
  const summaryRef = useRef<HTMLDivElement>(null);
  useUnsavedWarning(dirty);

  const setDraft = (change: Partial<CallDraft>) => {
    setDraftState((current) => {
      const next = { ...current, ...change };
      keptDraft = next;
      keptKey = idempotencyKey.current;
      return next;
    });
    setDirty(true);
    setSaved(false);
  };

  const save = useMutation({
    mutationFn: async (call: CallDraft) => {
      const body = {
        region: principal.region,
        ...(call.receivedAt ? { receivedAt: almatyInputToIso(call.receivedAt) } : {}),
        channel: call.channel,
        callerCategory: call.callerCategory,
        callerSex: call.callerSex,
        callerAgeBand: call.callerAgeBand,
        topics: call.topics,
        destinationCountry: call.destinationCountry ? call.destinationCountry.toUpperCase() : null,
        referrals: call.referrals,
        anonymous: call.anonymous,
        ...(call.anonymous ? {} : { callerName: call.callerName || undefined, callerPhone: call.callerPhone || undefined }),
        ...(call.notes ? { notes: call.notes } : {}),
      } as LogCallBody;
      return unwrap(await intake.POST('/hotline-calls', { body, headers: { 'Idempotency-Key': idempotencyKey.current } }));
    },
    onSuccess: () => {
      keptDraft = null;
      keptKey = null;
      idempotencyKey.current = newIdempotencyKey();
      setDraftState(emptyDraft());
      setDirty(false);
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: ['hotline-calls'] });
    },
    onError: () => summaryRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus(),
  });

  const errors = useFieldErrors(save.error);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!save.isPending) save.mutate(draft);
  };
  const categories = enumValues('callerCategory');
  // Digits pick the caller category, anywhere in the form but text fields: one keystroke.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      submit();
      return;
    }
    const target = event.target as HTMLElement;
    const typing = target instanceof HTMLInputElement ? !['radio', 'checkbox'].includes(target.type) : target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    const index = Number(event.key) - 1;
    if (!typing && !event.ctrlKey && !event.altKey && !event.metaKey && index >= 0 && index < categories.length) {
      event.preventDefault();
      setDraft({ callerCategory: categories[index]! });
      document.getElementById(`field-callerCategory-${categories[index]}`)?.focus();
    }
  };
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const labels = {
    channel: t('form.channel'),
    receivedAt: t('form.receivedAt'),
    callerCategory: t('form.callerCategory'),
    callerSex: t('form.callerSex'),
    callerAgeBand: t('form.callerAgeBand'),
    topics: t('form.topics'),
    destinationCountry: t('form.destinationCountry'),
    referrals: t('form.referrals'),
    callerName: t('form.personal.callerName'),
    callerPhone: t('form.personal.callerPhone'),
    notes: t('form.notes'),
  };
  const described = (field: string) => (errors[field] ? { 'aria-describedby': `field-${field}-error`, 'aria-invalid': true as const } : {});

  return (
    <section aria-labelledby="call-form-heading" className="panel">
      <h2 id="call-form-heading">{t('form.heading')}</h2>
      <p className="hint" id="call-form-hint">
        {t('form.hint')}
      </p>
      <div ref={summaryRef}>
        <ErrorSummary error={save.error} labels={labels} />
        {saved && (
          <p role="status" className="success">
            {t('form.saved')}
          </p>
        )}
      </div>
      <form onSubmit={submit} onKeyDown={onKeyDown} aria-describedby="call-form-hint" noValidate>
        <fieldset id="field-callerCategory" className="choices" {...described('callerCategory')}>
          <legend>{labels.callerCategory} *</legend>
          {categories.map((value, index) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="callerCategory"
                id={`field-callerCategory-${value}`}
                value={value}
                checked={draft.callerCategory === value}
                onChange={() => setDraft({ callerCategory: value })}
                required
              />
              <kbd aria-hidden="true">{index + 1}</kbd> {t(`enums:callerCategory.${value}`)}
            </label>
          ))}
          <FieldError id="field-callerCategory" message={errors['callerCategory']} />
        </fieldset>

        <div className="row">
          <EnumSelect vocabulary="channel" id="field-channel" label={labels.channel} value={draft.channel} onChange={(channel) => setDraft({ channel })} error={errors['channel']} />
          <label>
            {labels.receivedAt}
            <input
              id="field-receivedAt"
              type="datetime-local"
              value={draft.receivedAt}
              max={almatyLocalInput(new Date())}
              onChange={(e) => setDraft({ receivedAt: e.target.value })}
              aria-describedby={errors['receivedAt'] ? 'field-receivedAt-hint field-receivedAt-error' : 'field-receivedAt-hint'}
              aria-invalid={errors['receivedAt'] ? true : undefined}
            />
            <span className="hint" id="field-receivedAt-hint">
              {t('form.receivedAtHint')}
            </span>
            <FieldError id="field-receivedAt" message={errors['receivedAt']} />
          </label>
          <EnumSelect vocabulary="sex" id="field-callerSex" label={labels.callerSex} value={draft.callerSex} onChange={(callerSex) => setDraft({ callerSex })} error={errors['callerSex']} />
          <EnumSelect
            vocabulary="ageBand"
            id="field-callerAgeBand"
            label={labels.callerAgeBand}
            value={draft.callerAgeBand}
            onChange={(callerAgeBand) => setDraft({ callerAgeBand })}
            error={errors['callerAgeBand']}
          />
        </div>

        <fieldset id="field-topics" className="toggles">
          <legend>{labels.topics}</legend>
          {enumValues('topic').map((value) => (
            <label key={value} className="toggle">
              <input type="checkbox" checked={draft.topics.includes(value)} onChange={() => setDraft({ topics: toggle(draft.topics, value) })} />
              {t(`enums:topic.${value}`)}
            </label>
          ))}
          <FieldError id="field-topics" message={errors['topics']} />
        </fieldset>

        <label>
          {labels.destinationCountry}
          <input
            id="field-destinationCountry"
            className="short"
            value={draft.destinationCountry}
            maxLength={2}
            autoComplete="off"
            onChange={(e) => setDraft({ destinationCountry: e.target.value })}
            {...described('destinationCountry')}
          />
          <FieldError id="field-destinationCountry" message={errors['destinationCountry']} />
        </label>

        <fieldset id="field-referrals" className="toggles">
          <legend>{labels.referrals}</legend>
          {enumValues('referralDestination').map((value) => (
            <label key={value} className="toggle">
              <input type="checkbox" checked={draft.referrals.includes(value)} onChange={() => setDraft({ referrals: toggle(draft.referrals, value) })} />
              {t(`enums:referralDestination.${value}`)}
            </label>
          ))}
        </fieldset>

        <fieldset className="personal">
          <legend>{t('form.personal.legend')}</legend>
          <p className="hint">{t('form.personal.note')}</p>
          <label className="toggle">
            <input type="checkbox" checked={!draft.anonymous} onChange={(e) => setDraft({ anonymous: !e.target.checked })} />
            {t('form.personal.consent')}
          </label>
          {!draft.anonymous && (
            <div className="row">
              <label>
                {labels.callerName}
                <input id="field-callerName" autoComplete="off" value={draft.callerName} onChange={(e) => setDraft({ callerName: e.target.value })} {...described('callerName')} />
                <FieldError id="field-callerName" message={errors['callerName']} />
              </label>
              <label>
                {labels.callerPhone}
                <input id="field-callerPhone" type="tel" autoComplete="off" value={draft.callerPhone} onChange={(e) => setDraft({ callerPhone: e.target.value })} {...described('callerPhone')} />
                <FieldError id="field-callerPhone" message={errors['callerPhone']} />
              </label>
            </div>
          )}
          <label>
            {labels.notes}
            <textarea id="field-notes" rows={3} value={draft.notes} onChange={(e) => setDraft({ notes: e.target.value })} {...described('notes')} />
            <FieldError id="field-notes" message={errors['notes']} />
          </label>
        </fieldset>

        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? t('form.saving') : t('form.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              // A cleared form is a new submission: it must not reuse the last one's key.
              keptDraft = null;
              keptKey = null;
              idempotencyKey.current = newIdempotencyKey();
              setDraftState(emptyDraft());
              setDirty(false);
              save.reset();
            }}
          >
            {t('form.clear')}
          </button>
        </div>
      </form>
    </section>
  );
}
