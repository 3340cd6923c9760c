import { BREAKDOWN_VALUES, LABELS, NATIONAL, UNKNOWN_COUNTRY, type LabelLanguage } from '@qorgau/contracts';
import { NOT_SPECIFIED, OFFICIAL_MEASURES } from '../official-statistics/official-measures';

/** What a person reads beside each code of an export, in one of the staff's languages. */
export interface ExportLabels {
  readonly indicator: (code: string, fallback: string) => string;
  readonly pillar: (pillar: string) => string;
  readonly unit: (unit: string) => string;
  readonly orgUnit: (code: string) => string;
  readonly dimension: (dimension: string) => string;
  readonly value: (dimension: string, value: string) => string;
  readonly withheld: (confidentiality: 'C' | 'D', threshold: number) => string;
}

/**
 * Labels from the contracts' vocabularies (`libs/contracts/src/labels`, the web's own); countries
 * by the runtime's CLDR names. A value without a label keeps its code: a figure is never dropped
 * for want of a word.
 */
export function exportLabels(language: LabelLanguage): ExportLabels {
  const labels = LABELS[language];
  const word = (section: string, code: string) => labels[section]?.[code];
  const countries = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const measures = new Map(OFFICIAL_MEASURES.map((m) => [m.code, m.measure]));
  return {
    indicator: (code, fallback) => word('indicator', code) ?? word('officialMeasure', measures.get(code) ?? '') ?? fallback,
    pillar: (pillar) => word('pillar', pillar) ?? pillar,
    unit: (unit) => word('unit', unit) ?? unit,
    orgUnit: (code) => (code === NATIONAL ? word('exportLabel', 'national')! : (word('region', code) ?? code)),
    dimension: (dimension) => word('dimension', dimension) ?? dimension,
    value: (dimension, value) => {
      if (value === NOT_SPECIFIED) return word('exportLabel', 'notSpecified')!;
      if (dimension === 'citizenship_group') return word('citizenshipGroup', value) ?? value;
      const source = BREAKDOWN_VALUES[dimension];
      if (source === 'COUNTRY') return value === UNKNOWN_COUNTRY ? word('exportLabel', 'unknownCountry')! : (countries.of(value) ?? value);
      if (!source || source === 'FREE_TEXT') return value;
      for (const vocabulary of source) if (word(vocabulary, value)) return word(vocabulary, value)!;
      return value;
    },
    withheld: (confidentiality, threshold) => word('exportLabel', confidentiality === 'C' ? 'withheldFewer' : 'withheldDerived')!.replace('{{threshold}}', String(threshold)),
  };
}
