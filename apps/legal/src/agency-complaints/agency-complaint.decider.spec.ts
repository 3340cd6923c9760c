import { specification } from '@qorgau/testing';
import { recordDecision, type AgencyComplaint } from './agency-complaint.decider';

const complaint = (overrides: Partial<AgencyComplaint> = {}): AgencyComplaint => ({
  complaintId: 'c0ffee00-0000-4000-8000-000000000001',
  agencyType: 'TRAVEL_AGENCY',
  filedAt: new Date('2026-03-01T10:00:00Z'),
  decision: null,
  ...overrides,
});
const regulator = specification((state: AgencyComplaint, command: { decision: 'LICENCE_REVOKED' | 'FINED'; at: Date }) => recordDecision(state, command.decision, command.at));

describe('an agency complaint', () => {
  it("records the regulator's decision", () => {
    regulator
      .given(complaint())
      .when({ decision: 'LICENCE_REVOKED', at: new Date('2026-04-01T10:00:00Z') })
      .then([{ type: 'AgencyComplaintDecided', payload: { complaintId: complaint().complaintId, decidedAt: '2026-04-01T10:00:00.000Z', agencyType: 'TRAVEL_AGENCY', decision: 'LICENCE_REVOKED' } }]);
  });

  it('is decided once', () => {
    regulator
      .given(complaint({ decision: 'FINED' }))
      .when({ decision: 'LICENCE_REVOKED', at: new Date('2026-04-01T10:00:00Z') })
      .thenRefused('decided-once', null);
  });

  it('refuses a decision dated before the filing, naming the field', () => {
    regulator
      .given(complaint())
      .when({ decision: 'FINED', at: new Date('2026-02-01T10:00:00Z') })
      .thenRefused('decided-after-filing', 'decidedAt');
  });
});
