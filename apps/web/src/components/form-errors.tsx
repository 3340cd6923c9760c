import { useTranslation } from 'react-i18next';
import { ApiError, SignInRequired } from '../lib/api';

/**
 * Field name → message, from a 400's `fields`, in the user's language: the service's English
 * message in English, otherwise the kind of problem (its `code`) worded by the translations.
 */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t, i18n } = useTranslation();
  if (!(error instanceof ApiError) || !error.problem.fields) return {};
  return Object.fromEntries(error.problem.fields.map((f) => [f.field, i18n.language === 'en' ? f.message : t(`errors.field.${f.code ?? 'rule'}`, { defaultValue: t('errors.field.rule') })]));
}

/**
 * The error summary above a form (WCAG: errors next to their field and in a summary). It says
 * plainly that nothing was saved and that what was typed is still there.
 */
export function ErrorSummary({ error, labels }: { error: unknown; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const messages = useFieldErrors(error);
  if (!error) return null;
  // The submission's key, not a field the user can correct (see Idempotency-Key in the services).
  const keyProblem = error instanceof ApiError && error.problem.fields?.some((f) => f.field === 'Idempotency-Key');
  const fields = keyProblem ? {} : messages;
  let message: string;
  if (error instanceof SignInRequired) message = t('signIn.expired');
  else if (keyProblem && error.status === 422) message = t('errors.alreadyRecorded');
  else if (keyProblem && error.status === 409) message = t('errors.stillProcessing');
  else if (error instanceof ApiError && error.status === 403) message = t('errors.forbidden');
  else if (error instanceof ApiError && error.status === 404) message = t('errors.notFound');
  else if (error instanceof ApiError && error.status === 503) message = t('errors.unavailable');
  else if (error instanceof ApiError && Object.keys(fields).length > 0) message = t('errors.summary');
  else if (error instanceof ApiError) message = error.message;
  else if (error instanceof TypeError) message = t('errors.network');
  else message = t('errors.unexpected');
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p>{message}</p>
      {Object.keys(fields).length > 0 && (
        <ul>
          {Object.entries(fields).map(([field, text]) => (
            <li key={field}>
              <a href={`#field-${field}`}>{labels[field] ?? field}</a>: {text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}
