import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { enumValues, type EnumName } from '../lib/i18n';
import { ApiError, newIdempotencyKey } from '../lib/api';
import { almatyInputToIso } from '../lib/format';
import { ErrorSummary, useFieldErrors } from './form-errors';

/**
 * A command sent from a form: one Idempotency-Key per submission (kept across retries, renewed
 * once it succeeded), and the lists it changes asked again afterwards.
 */
export function useCommand<Body, Result>(send: (body: Body, idempotencyKey: string) => Promise<Result>, changes: readonly QueryKey[] = []) {
  const queryClient = useQueryClient();
  const key = useRef(newIdempotencyKey());
  return useMutation({
    mutationFn: (body: Body) => send(body, key.current),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      for (const queryKey of changes) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

interface CommandFormProps {
  /** The heading's id; fields are `field-<name>`. */
  readonly id: string;
  readonly title: string;
  readonly submitLabel: string;
  readonly onSubmit: () => void;
  readonly pending: boolean;
  readonly error: unknown;
  /** Field name → label, for the error summary's links. */
  readonly labels: Record<string, string>;
  /** Said once the command succeeded. */
  readonly saved?: string | null | undefined;
  readonly hint?: string;
  readonly children: ReactNode;
}

/**
 * The rule a service refused a step by (409 without fields: "the shelter is full, beds are free at …"),
 * in its own words; a submission key still in use is the summary's to word.
 */
const ruleRefusal = (error: unknown): string | null => (error instanceof ApiError && error.status === 409 && !error.problem.fields?.length ? error.message : null);

/** A panel with a form: its heading, the error summary (or the rule that refused the step), the fields, one primary button and what was saved. */
export function CommandForm({ id, title, submitLabel, onSubmit, pending, error, labels, saved, hint, children }: CommandFormProps) {
  const { t } = useTranslation();
  const refusal = ruleRefusal(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint && <p className="hint">{hint}</p>}
      <ErrorSummary error={refusal ? null : error} labels={labels} />
      <form onSubmit={submit} noValidate>
        {refusal && (
          <p role="alert" className="error">
            {refusal}
          </p>
        )}
        {children}
        <div className="actions">
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('saving') : submitLabel}
          </button>
        </div>
        <div aria-live="polite">
          {saved && (
            <p className="success" role="status">
              {saved}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly error: unknown;
  readonly hint?: string;
}

/** The error of one field from a 400, and the attributes that tie it to its input. */
function useFieldError(name: string, error: unknown) {
  const message = useFieldErrors(error)[name];
  const id = `field-${name}`;
  return { id, message, described: message ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {} };
}

function FieldMessage({ id, message, hint }: { id: string; message: string | undefined; hint: string | undefined }) {
  return (
    <>
      {hint && <span className="hint">{hint}</span>}
      {message && (
        <span className="field-error" id={`${id}-error`}>
          {message}
        </span>
      )}
    </>
  );
}

export function TextField({
  name,
  label,
  error,
  hint,
  value,
  onChange,
  multiline = false,
  type = 'text',
  disabled = false,
}: FieldProps & { value: string; onChange: (value: string) => void; multiline?: boolean; type?: 'text' | 'number' | 'datetime-local' | 'date'; disabled?: boolean }) {
  const { id, message, described } = useFieldError(name, error);
  return (
    <label>
      {label}
      {multiline ? (
        <textarea id={id} rows={3} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} {...described} />
      ) : (
        <input id={id} type={type} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} {...described} />
      )}
      <FieldMessage id={id} message={message} hint={hint} />
    </label>
  );
}

/** A select over a vocabulary of the contracts, its options in the user's language. */
export function EnumField({
  name,
  label,
  error,
  hint,
  vocabulary,
  value,
  onChange,
  emptyLabel,
}: FieldProps & { vocabulary: EnumName; value: string; onChange: (value: string) => void; emptyLabel?: string }) {
  const { t } = useTranslation('enums');
  const { id, message, described } = useFieldError(name, error);
  return (
    <label>
      {label}
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} {...described}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {(enumValues(vocabulary) as string[]).map((option) => (
          <option key={option} value={option}>
            {t(`${vocabulary}.${option}`)}
          </option>
        ))}
      </select>
      <FieldMessage id={id} message={message} hint={hint} />
    </label>
  );
}

/** Several values of a vocabulary, as checkboxes in a fieldset. */
export function EnumChecks({ name, label, error, vocabulary, values, onChange }: FieldProps & { vocabulary: EnumName; values: readonly string[]; onChange: (values: string[]) => void }) {
  const { t } = useTranslation('enums');
  const { id, message } = useFieldError(name, error);
  return (
    <fieldset id={id} aria-describedby={message ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      <div className="choices">
        {(enumValues(vocabulary) as string[]).map((option) => (
          <label key={option} className="choice">
            <input type="checkbox" checked={values.includes(option)} onChange={(event) => onChange(event.target.checked ? [...values, option] : values.filter((v) => v !== option))} />
            {t(`${vocabulary}.${option}`)}
          </label>
        ))}
      </div>
      <FieldMessage id={id} message={message} hint={undefined} />
    </fieldset>
  );
}

export function Toggle({ name, label, checked, onChange }: { name: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="toggle">
      <input id={`field-${name}`} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

/** Text typed into a form, or nothing: the services take an absent field, not an empty string. */
export const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** A whole number typed into a form; NaN is left for the service to name as the field at fault. */
export const whole = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

/** A datetime-local value as the instant it names in Almaty, or nothing: the service takes now. */
export const when = (value: string): string | undefined => (value ? almatyInputToIso(value) : undefined);
