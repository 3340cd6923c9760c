import type { DomainEventOf, EventPayload } from '@qorgau/contracts';
import { accept, refuse, type Decision } from '@qorgau/domain';

/** A complaint against an agency, as the regulator's decision needs it. */
export interface AgencyComplaint {
  readonly complaintId: string;
  readonly agencyType: EventPayload<'AgencyComplaintFiled'>['agencyType'];
  readonly filedAt: Date;
  readonly decision: string | null;
}

export function fileComplaint(complaint: EventPayload<'AgencyComplaintFiled'>): Decision<readonly [DomainEventOf<'AgencyComplaintFiled'>]> {
  return accept([{ type: 'AgencyComplaintFiled', payload: complaint }] as const);
}

/** The regulator decides once, and not before the complaint was filed. */
export function recordDecision(
  complaint: AgencyComplaint,
  decision: EventPayload<'AgencyComplaintDecided'>['decision'],
  decidedAt: Date,
): Decision<readonly [DomainEventOf<'AgencyComplaintDecided'>]> {
  if (complaint.decision) return refuse({ rule: 'decided-once', message: `the regulator already decided (${complaint.decision})` });
  if (decidedAt < complaint.filedAt) return refuse({ rule: 'decided-after-filing', field: 'decidedAt', message: 'cannot be before the complaint was filed' });
  return accept([{ type: 'AgencyComplaintDecided', payload: { complaintId: complaint.complaintId, decidedAt: decidedAt.toISOString(), agencyType: complaint.agencyType, decision } }] as const);
}
