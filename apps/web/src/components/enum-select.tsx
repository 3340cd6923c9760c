import { useTranslation } from 'react-i18next';
import { enumValues, type EnumName } from '../lib/i18n';

interface EnumSelectProps {
  readonly vocabulary: EnumName;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly id?: string;
  /** A first, empty option ("All" in a filter, "Choose…" where the user must decide). */
  readonly emptyLabel?: string;
  readonly error?: string | undefined;
}

/** A labelled select over one of the contracts' vocabularies, its options in the user's language. */
export function EnumSelect({ vocabulary, label, value, onChange, id, emptyLabel, error }: EnumSelectProps) {
  const { t } = useTranslation('enums');
  return (
    <label>
      {label}
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} {...(error && id ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {(enumValues(vocabulary) as string[]).map((option) => (
          <option key={option} value={option}>
            {t(`${vocabulary}.${option}`)}
          </option>
        ))}
      </select>
      {error && id && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}
