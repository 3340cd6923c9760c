import { specification } from '@qorgau/testing';
import { decide, type ShelterBeds, type Stay } from './stay.decider';

const day = (d: number) => new Date(Date.UTC(2026, 4, d, 10));
const STAY = '0b9d7c3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f';
const CASE = '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c';
const stay = (overrides: Partial<Stay> = {}): Stay => ({
  stayId: STAY,
  caseId: CASE,
  region: 'KZ-79',
  openedAt: day(1),
  shelterId: null,
  admittedAt: null,
  dischargedAt: null,
  aftercareUntil: null,
  ...overrides,
});
const shelter = (name: string, capacity: number, residents: number, region: 'KZ-79' | 'KZ-71' = 'KZ-79'): ShelterBeds => ({
  shelterId: `00000000-0000-4000-8000-00000000000${capacity}`,
  name,
  region,
  capacity,
  residents,
});
const shelters = specification(decide);

describe('a stay in the shelter', () => {
  it('admits to a shelter with a free bed', () => {
    const home = shelter('Umit', 4, 3);
    shelters
      .given(stay())
      .when({ kind: 'Admit', shelter: home, others: [], at: day(2) })
      .then([{ type: 'ResidentAdmitted', payload: { admissionId: STAY, caseId: CASE, shelterId: home.shelterId, admittedAt: day(2).toISOString() } }]);
  });

  it('refuses a full shelter with the reason, naming the region’s shelters with beds, most free first', () => {
    const full = shelter('Umit', 2, 2);
    shelters
      .given(stay())
      .when({ kind: 'Admit', shelter: full, others: [], at: day(2) })
      .thenRefused('shelter-full', null);
    const decision = decide(stay(), { kind: 'Admit', shelter: full, others: [shelter('Senim', 5, 4), shelter('Araylym', 8, 2), shelter('Astana house', 9, 0, 'KZ-71')], at: day(2) });
    expect(decision).toEqual({
      ok: false,
      violations: [expect.objectContaining({ rule: 'shelter-full', message: 'Umit has no free bed (capacity 2); beds are free at Araylym (6 free), Senim (1 free)' })],
    });
  });

  it('admits once, to a shelter of the case’s region', () => {
    shelters
      .given(stay({ admittedAt: day(2), shelterId: 'x' }))
      .when({ kind: 'Admit', shelter: shelter('Umit', 4, 0), others: [], at: day(3) })
      .thenRefused('admitted-once', null);
    shelters
      .given(stay())
      .when({ kind: 'Admit', shelter: shelter('Astana house', 4, 0, 'KZ-71'), others: [], at: day(3) })
      .thenRefused('shelter-of-the-region', 'shelterId');
  });

  it('counts the nights of a stay when it ends, and names what the exit needs', () => {
    const admitted = stay({ shelterId: 'a7a7a7a7-0000-4000-8000-000000000001', admittedAt: day(2) });
    shelters
      .given(admitted)
      .when({ kind: 'Discharge', at: day(30), exit: 'REUNITED_WITH_FAMILY', country: null, resettledIn: null })
      .then([
        {
          type: 'ResidentDischarged',
          payload: { admissionId: STAY, caseId: CASE, shelterId: admitted.shelterId!, dischargedAt: day(30).toISOString(), nights: 28, exit: 'REUNITED_WITH_FAMILY', country: null, resettledIn: null },
        },
      ]);
    shelters
      .given(admitted)
      .when({ kind: 'Discharge', at: day(30), exit: 'REPATRIATED', country: null, resettledIn: null })
      .thenRefused('repatriation-names-country', 'country');
    shelters
      .given(admitted)
      .when({ kind: 'Discharge', at: day(30), exit: 'RESETTLED', country: null, resettledIn: null })
      .thenRefused('resettlement-names-region', 'resettledIn');
    shelters
      .given(stay())
      .when({ kind: 'Discharge', at: day(30), exit: 'LEFT_ON_OWN_DECISION', country: null, resettledIn: null })
      .thenRefused('admitted-first', null);
  });

  it('counts assistance as during the stay only between admission and exit', () => {
    const during = stay({ shelterId: 'x', admittedAt: day(2), dischargedAt: day(20) });
    shelters
      .given(during)
      .when({ kind: 'GiveAssistance', assistanceId: STAY, at: day(5), assistance: 'MEDICAL_CARE' })
      .thenAccepted(([event]) => expect(event!.payload).toMatchObject({ duringStay: true }));
    shelters
      .given(during)
      .when({ kind: 'GiveAssistance', assistanceId: STAY, at: day(25), assistance: 'CASH_ASSISTANCE' })
      .thenAccepted(([event]) => expect(event!.payload).toMatchObject({ duringStay: false }));
  });

  it('follows up after the exit, until aftercare ends', () => {
    const left = stay({ shelterId: 'x', admittedAt: day(2), dischargedAt: day(20), aftercareUntil: day(28) });
    shelters
      .given(left)
      .when({ kind: 'FollowUp', contactId: STAY, at: day(25) })
      .thenAccepted();
    shelters
      .given(left)
      .when({ kind: 'FollowUp', contactId: STAY, at: day(31) })
      .thenRefused('aftercare-ended', null);
    shelters
      .given(stay({ shelterId: 'x', admittedAt: day(2) }))
      .when({ kind: 'FollowUp', contactId: STAY, at: day(25) })
      .thenRefused('aftercare-after-exit', null);
  });

  describe('therapy at the shelter', () => {
    const SESSION = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
    const PLAN = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b';
    const resident = stay({ shelterId: 'x', admittedAt: day(2) });
    const plan = { planId: PLAN, openedAt: day(1), endedAt: null };

    it('is held during the stay, and belongs to no plan when the psychologist keeps none', () => {
      shelters
        .given(resident)
        .when({ kind: 'HoldTherapySession', sessionId: SESSION, at: day(5), therapy: 'INDIVIDUAL', plan: null })
        .then([{ type: 'ShelterTherapySessionHeld', payload: { sessionId: SESSION, admissionId: STAY, caseId: CASE, kind: 'INDIVIDUAL', heldAt: day(5).toISOString(), planId: null } }]);
      shelters
        .given(stay())
        .when({ kind: 'HoldTherapySession', sessionId: SESSION, at: day(5), therapy: 'ART', plan: null })
        .thenRefused('therapy-during-stay', null);
      shelters
        .given(resident)
        .when({ kind: 'HoldTherapySession', sessionId: SESSION, at: day(1), therapy: 'ART', plan: null })
        .thenRefused('therapy-during-stay', 'heldAt');
      shelters
        .given({ ...resident, dischargedAt: day(9) })
        .when({ kind: 'HoldTherapySession', sessionId: SESSION, at: day(10), therapy: 'GROUP', plan: null })
        .thenRefused('therapy-during-stay', 'heldAt');
    });

    it('links group and art therapy to the running rehabilitation plan, and leaves one-to-one sessions to the plan itself', () => {
      shelters
        .given(resident)
        .when({ kind: 'HoldTherapySession', sessionId: SESSION, at: day(5), therapy: 'ART', plan })
        .then([{ type: 'ShelterTherapySessionHeld', payload: { sessionId: SESSION, admissionId: STAY, caseId: CASE, kind: 'ART', heldAt: day(5).toISOString(), planId: PLAN } }]);
      shelters
        .given(resident)
        .when({ kind: 'HoldTherapySession', sessionId: SESSION, at: day(5), therapy: 'INDIVIDUAL', plan })
        .thenRefused('individual-sessions-in-plan', 'therapy');
      // A plan that ended before the session no longer holds it.
      shelters
        .given(resident)
        .when({ kind: 'HoldTherapySession', sessionId: SESSION, at: day(5), therapy: 'INDIVIDUAL', plan: { ...plan, endedAt: day(4) } })
        .then([{ type: 'ShelterTherapySessionHeld', payload: { sessionId: SESSION, admissionId: STAY, caseId: CASE, kind: 'INDIVIDUAL', heldAt: day(5).toISOString(), planId: null } }]);
    });
  });
});
