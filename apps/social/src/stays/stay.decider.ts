import type { DomainEventOf, EventPayload, RegionCode } from '@qorgau/contracts';
import { accept, refuse, type Decision } from '@qorgau/domain';

/** A victim's stay as the rules need it. */
export interface Stay {
  readonly stayId: string;
  readonly caseId: string;
  readonly region: RegionCode;
  readonly openedAt: Date;
  readonly shelterId: string | null;
  readonly admittedAt: Date | null;
  readonly dischargedAt: Date | null;
  readonly aftercareUntil: Date | null;
}

/** A shelter as admission sees it: where it is (by region) and how many beds are taken. */
export interface ShelterBeds {
  readonly shelterId: string;
  readonly name: string;
  readonly region: RegionCode;
  readonly capacity: number;
  readonly residents: number;
}

export type StayCommand =
  | { readonly kind: 'Admit'; readonly shelter: ShelterBeds; readonly others: readonly ShelterBeds[]; readonly at: Date }
  | {
      readonly kind: 'Discharge';
      readonly at: Date;
      readonly exit: EventPayload<'ResidentDischarged'>['exit'];
      readonly country: string | null;
      readonly resettledIn: RegionCode | null;
    }
  | { readonly kind: 'GiveAssistance'; readonly assistanceId: string; readonly at: Date; readonly assistance: EventPayload<'BasicAssistanceGiven'>['kind'] }
  | { readonly kind: 'FollowUp'; readonly contactId: string; readonly at: Date }
  | {
      readonly kind: 'HoldTherapySession';
      readonly sessionId: string;
      readonly at: Date;
      readonly therapy: EventPayload<'ShelterTherapySessionHeld'>['kind'];
      /** The psychologist's rehabilitation plan of the case, if psychology announced one. */
      readonly plan: RehabilitationPlan | null;
    };

/** A rehabilitation plan as psychology announced it: ids and dates only. */
export interface RehabilitationPlan {
  readonly planId: string;
  readonly openedAt: Date;
  readonly endedAt: Date | null;
}

export type StayEvent = DomainEventOf<'ResidentAdmitted' | 'ResidentDischarged' | 'BasicAssistanceGiven' | 'AftercareContactMade' | 'ShelterTherapySessionHeld'>;

const DAY_MS = 86_400_000;
/** Nights are counted between calendar days in Kazakhstan (UTC+5 all year): in on the 14th, out on the 29th is 15 nights. */
const KAZAKHSTAN_OFFSET_MS = 5 * 3_600_000;
const dayIn = (at: Date): number => Math.floor((at.getTime() + KAZAKHSTAN_OFFSET_MS) / DAY_MS);
const freeBeds = (shelter: ShelterBeds) => shelter.capacity - shelter.residents;

/**
 * A stay runs request → admission → discharge → aftercare. A full shelter refuses, naming the other
 * shelters of the region that have a bed, most free first. The exit names what it needs (a
 * repatriation its country, a resettlement its region) and nothing else. Nights are calendar days.
 * Therapy at the shelter happens during the stay; while the psychologist's rehabilitation plan runs,
 * a session belongs to it, and its one-to-one sessions are the plan's own (recorded there, not twice).
 */
export function decide(stay: Stay, command: StayCommand): Decision<readonly StayEvent[]> {
  const { stayId: admissionId, caseId } = stay;
  switch (command.kind) {
    case 'Admit': {
      if (stay.admittedAt) return refuse({ rule: 'admitted-once', message: 'the victim was already admitted to a shelter' });
      if (command.shelter.region !== stay.region) return refuse({ rule: 'shelter-of-the-region', field: 'shelterId', message: 'choose a shelter of the case’s region' });
      if (command.at < stay.openedAt) return refuse({ rule: 'after-referral', field: 'admittedAt', message: `cannot be before the referral (${stay.openedAt.toISOString()})` });
      if (freeBeds(command.shelter) <= 0) {
        const elsewhere = command.others
          .filter((other) => other.shelterId !== command.shelter.shelterId && other.region === stay.region && freeBeds(other) > 0)
          .sort((a, b) => freeBeds(b) - freeBeds(a))
          .map((other) => `${other.name} (${freeBeds(other)} free)`);
        return refuse({
          rule: 'shelter-full',
          message: `${command.shelter.name} has no free bed (capacity ${command.shelter.capacity})${elsewhere.length ? `; beds are free at ${elsewhere.join(', ')}` : '; no shelter of the region has a free bed'}`,
        });
      }
      return accept([{ type: 'ResidentAdmitted', payload: { admissionId, caseId, shelterId: command.shelter.shelterId, admittedAt: command.at.toISOString() } }]);
    }
    case 'Discharge': {
      if (!stay.admittedAt || !stay.shelterId) return refuse({ rule: 'admitted-first', message: 'the victim is not staying in a shelter' });
      if (stay.dischargedAt) return refuse({ rule: 'discharged-once', message: 'the stay already ended' });
      if (command.at < stay.admittedAt) return refuse({ rule: 'after-admission', field: 'dischargedAt', message: `cannot be before the admission (${stay.admittedAt.toISOString()})` });
      if (command.exit === 'REPATRIATED' && !command.country) return refuse({ rule: 'repatriation-names-country', field: 'country', message: 'a repatriation names the country of return' });
      if (command.exit !== 'REPATRIATED' && command.country) return refuse({ rule: 'only-repatriation-has-country', field: 'country', message: 'only a repatriation has a country' });
      if (command.exit === 'RESETTLED' && !command.resettledIn) return refuse({ rule: 'resettlement-names-region', field: 'resettledIn', message: 'a resettlement names the region' });
      if (command.exit !== 'RESETTLED' && command.resettledIn) return refuse({ rule: 'only-resettlement-has-region', field: 'resettledIn', message: 'only a resettlement has a region' });
      const nights = dayIn(command.at) - dayIn(stay.admittedAt);
      return accept([
        {
          type: 'ResidentDischarged',
          payload: { admissionId, caseId, shelterId: stay.shelterId, dischargedAt: command.at.toISOString(), nights, exit: command.exit, country: command.country, resettledIn: command.resettledIn },
        },
      ]);
    }
    case 'GiveAssistance': {
      const duringStay = Boolean(stay.admittedAt && stay.admittedAt <= command.at && (!stay.dischargedAt || command.at <= stay.dischargedAt));
      return accept([{ type: 'BasicAssistanceGiven', payload: { assistanceId: command.assistanceId, caseId, kind: command.assistance, givenAt: command.at.toISOString(), duringStay } }]);
    }
    case 'FollowUp': {
      if (!stay.dischargedAt) return refuse({ rule: 'aftercare-after-exit', message: 'aftercare follows the end of a stay' });
      if (command.at < stay.dischargedAt) return refuse({ rule: 'aftercare-after-exit', field: 'contactedAt', message: 'cannot be before the stay ended' });
      if (!stay.aftercareUntil || command.at.getTime() > stay.aftercareUntil.getTime() + DAY_MS)
        return refuse({ rule: 'aftercare-ended', message: 'aftercare for this stay has ended (or was not planned)' });
      return accept([{ type: 'AftercareContactMade', payload: { contactId: command.contactId, admissionId, caseId, contactedAt: command.at.toISOString() } }]);
    }
    case 'HoldTherapySession': {
      if (!stay.admittedAt) return refuse({ rule: 'therapy-during-stay', message: 'the victim is not staying in a shelter' });
      if (command.at < stay.admittedAt || (stay.dischargedAt && command.at > stay.dischargedAt))
        return refuse({ rule: 'therapy-during-stay', field: 'heldAt', message: 'a session at the shelter is held during the stay' });
      const plan = command.plan && command.plan.openedAt <= command.at && (!command.plan.endedAt || command.at <= command.plan.endedAt) ? command.plan : null;
      if (plan && command.therapy === 'INDIVIDUAL')
        return refuse({ rule: 'individual-sessions-in-plan', field: 'therapy', message: 'the victim has a rehabilitation plan: the psychologist records one-to-one sessions in it' });
      return accept([
        {
          type: 'ShelterTherapySessionHeld',
          payload: { sessionId: command.sessionId, admissionId, caseId, kind: command.therapy, heldAt: command.at.toISOString(), planId: plan?.planId ?? null },
        },
      ]);
    }
  }
}
