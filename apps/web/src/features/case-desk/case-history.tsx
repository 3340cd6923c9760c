import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../../lib/format';
import type { Language } from '../../lib/i18n';

export interface CaseHistoryStep {
  readonly month: string;
  readonly step: string;
}

/**
 * The projection's step codes ("REFERRED_TO_LEGAL", "REPATRIATED_TO_UZ_WITH_EMBASSY", …) in the
 * user's words; a code it does not know yet is shown as it is rather than hidden.
 */
export function describeStep(step: string, t: TFunction): string {
  const after = (prefix: string) => step.slice(prefix.length);
  const fixed: Record<string, string> = {
    OPENED: 'opened',
    LEGAL_ASSISTANCE_OPENED: 'legalOpened',
    LEGAL_DOCUMENTS_RESTORED: 'legalDocuments',
    LEGAL_RETURN_HOME: 'legalReturn',
    LEGAL_LEGAL_REPRESENTATION: 'legalRepresentation',
    REHABILITATION_STARTED: 'rehabilitationStarted',
    REHABILITATION_ASSESSED: 'rehabilitationAssessed',
    REHABILITATION_COMPLETED: 'rehabilitationCompleted',
    REHABILITATION_DISCONTINUED: 'rehabilitationDiscontinued',
    CRIMINAL_PROCEEDING_OPENED: 'proceedingOpened',
    VERDICT_CONVICTION: 'verdictConviction',
    VERDICT_ACQUITTAL: 'verdictAcquittal',
  };
  const key = fixed[step];
  if (key) return t(`history.steps.${key}`);
  if (step.startsWith('IDENTIFIED_BY_')) return t('history.steps.identified', { by: t(`enums:identifiedBy.${after('IDENTIFIED_BY_')}`) });
  if (step.startsWith('REFERRED_TO_')) return t('history.steps.referred', { to: t(`enums:referralDestination.${after('REFERRED_TO_')}`) });
  if (step.startsWith('CLOSED_')) return t('history.steps.closed', { reason: t(`enums:closureReason.${after('CLOSED_')}`) });
  if (step.startsWith('REPATRIATED_TO_')) {
    const rest = after('REPATRIATED_TO_');
    const withEmbassy = rest.endsWith('_WITH_EMBASSY');
    return t(withEmbassy ? 'history.steps.repatriatedWithEmbassy' : 'history.steps.repatriated', { country: rest.replace('_WITH_EMBASSY', '') });
  }
  return step;
}

export function CaseHistory({ history }: { history: readonly CaseHistoryStep[] }) {
  const { t, i18n } = useTranslation(['case-desk', 'enums']);
  if (history.length === 0) return <p>{t('case.noHistory')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{t('case.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.month')}</th>
          <th scope="col">{t('history.step')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((entry, index) => (
          <tr key={`${entry.month}-${entry.step}-${index}`}>
            <td>{formatMonth(entry.month, i18n.language as Language)}</td>
            <td>{describeStep(entry.step, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
