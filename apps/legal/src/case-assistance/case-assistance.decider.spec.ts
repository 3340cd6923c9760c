import { specification } from '@qorgau/testing';
import { recordAssistance, type RecordAssistance } from './case-assistance.decider';

const command = (overrides: Partial<RecordAssistance>): RecordAssistance => ({
  assistanceId: '00000000-0000-4000-8000-0000000000a1',
  caseId: '00000000-0000-4000-8000-0000000000c1',
  kind: 'DOCUMENTS_RESTORED',
  at: '2026-05-01T10:00:00.000Z',
  country: undefined,
  embassyInvolved: undefined,
  ...overrides,
});
// Each action stands on its own: the case it belongs to was checked when it was loaded.
const assistance = specification((_case: 'referred to legal', action: RecordAssistance) => recordAssistance(action)).given('referred to legal');

describe("legal assistance on a victim's case", () => {
  it('announces a repatriation with its country', () => {
    assistance.when(command({ kind: 'REPATRIATION', country: 'UZ', embassyInvolved: true })).then([
      {
        type: 'VictimRepatriated',
        payload: { assistanceId: command({}).assistanceId, caseId: command({}).caseId, repatriatedAt: '2026-05-01T10:00:00.000Z', country: 'UZ', embassyInvolved: true },
      },
    ]);
  });

  it('announces the rest as assistance provided', () => {
    assistance
      .when(command({ kind: 'LEGAL_REPRESENTATION' }))
      .then([
        { type: 'LegalAssistanceProvided', payload: { assistanceId: command({}).assistanceId, caseId: command({}).caseId, kind: 'LEGAL_REPRESENTATION', providedAt: '2026-05-01T10:00:00.000Z' } },
      ]);
  });

  it('refuses a repatriation without a country, and a country or an embassy on anything else, naming the field', () => {
    assistance.when(command({ kind: 'REPATRIATION' })).thenRefused('repatriation-names-country', 'country');
    assistance.when(command({ country: 'UZ' })).thenRefused('only-repatriation-has-country', 'country');
    assistance.when(command({ embassyInvolved: false })).thenRefused('only-repatriation-has-country', 'embassyInvolved');
  });
});
