import { recordDecision, type AgencyComplaint } from './agency-complaint.decider';

const complaint = (overrides: Partial<AgencyComplaint> = {}): AgencyComplaint => ({
  complaintId: 'c0ffee00-0000-4000-8000-000000000001',
  agencyType: 'TRAVEL_AGENCY',
  filedAt: new Date('2026-03-01T10:00:00Z'),
  decision: null,
  ...overrides,
});

describe('an agency complaint', () => {
  it("records the regulator's decision once", () => {
    expect(recordDecision(complaint(), 'LICENCE_REVOKED', new Date('2026-04-01T10:00:00Z'))).toEqual({
      ok: true,
      value: [{ type: 'AgencyComplaintDecided', payload: { complaintId: complaint().complaintId, decidedAt: '2026-04-01T10:00:00.000Z', agencyType: 'TRAVEL_AGENCY', decision: 'LICENCE_REVOKED' } }],
    });
    expect(recordDecision(complaint({ decision: 'FINED' }), 'LICENCE_REVOKED', new Date('2026-04-01T10:00:00Z'))).toEqual({
      ok: false,
      violations: [expect.objectContaining({ rule: 'decided-once' })],
    });
  });

  it('refuses a decision dated before the filing, naming the field', () => {
    expect(recordDecision(complaint(), 'FINED', new Date('2026-02-01T10:00:00Z'))).toEqual({ ok: false, violations: [expect.objectContaining({ rule: 'decided-after-filing', field: 'decidedAt' })] });
  });
});
