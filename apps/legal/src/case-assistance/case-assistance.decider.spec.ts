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

describe("legal assistance on a victim's case", () => {
  it('announces a repatriation with its country, and the rest as assistance provided', () => {
    expect(recordAssistance(command({ kind: 'REPATRIATION', country: 'UZ', embassyInvolved: true }))).toEqual({
      ok: true,
      value: [
        { type: 'VictimRepatriated', payload: { assistanceId: command({}).assistanceId, caseId: command({}).caseId, repatriatedAt: '2026-05-01T10:00:00.000Z', country: 'UZ', embassyInvolved: true } },
      ],
    });
    expect(recordAssistance(command({ kind: 'LEGAL_REPRESENTATION' }))).toMatchObject({ ok: true, value: [{ type: 'LegalAssistanceProvided', payload: { kind: 'LEGAL_REPRESENTATION' } }] });
  });

  it('refuses a repatriation without a country, and a country on anything else, naming the field', () => {
    expect(recordAssistance(command({ kind: 'REPATRIATION' }))).toEqual({ ok: false, violations: [expect.objectContaining({ field: 'country' })] });
    expect(recordAssistance(command({ country: 'UZ' }))).toEqual({ ok: false, violations: [expect.objectContaining({ field: 'country' })] });
    expect(recordAssistance(command({ embassyInvolved: false }))).toEqual({ ok: false, violations: [expect.objectContaining({ field: 'embassyInvolved' })] });
  });
});
