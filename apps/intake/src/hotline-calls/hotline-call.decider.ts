import type { AgeBand, CallerCategory, DomainEventOf, HotlineChannel, HotlineTopic, ReferralDestination, RegionCode, Sex } from '@qorgau/contracts';
import { accept, CLOCK_SKEW_MS, refuse, type Decision, type RuleViolation } from '@qorgau/domain';

export interface HotlineCall {
  readonly id: string;
  readonly region: RegionCode;
  readonly receivedAt: Date;
  readonly channel: HotlineChannel;
  readonly callerSex: Sex;
  readonly callerAgeBand: AgeBand;
  readonly callerCategory: CallerCategory;
  readonly topics: readonly HotlineTopic[];
  readonly destinationCountry: string | null;
  readonly referrals: readonly ReferralDestination[];
  readonly anonymous: boolean;
  readonly callerName: string | null;
  readonly callerPhone: string | null;
  readonly notes: string | null;
}

export interface LoggedHotlineCall {
  readonly call: HotlineCall;
  readonly event: DomainEventOf<'HotlineCallLogged'>;
}

/**
 * The rules of logging a call. The event repeats the call's categories and nothing that could
 * identify the caller: the name, the number and the notes stay in the call record.
 */
export function logHotlineCall(call: HotlineCall, now: Date): Decision<LoggedHotlineCall> {
  const violations: RuleViolation[] = [];
  if (call.receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    violations.push({ rule: 'call-not-in-future', field: 'receivedAt', message: 'cannot be in the future' });
  }
  if (call.anonymous && call.callerName) {
    violations.push({ rule: 'anonymous-call-unnamed', field: 'callerName', message: 'an anonymous call cannot record a name; set anonymous to false if the caller agreed to give it' });
  }
  if (call.anonymous && call.callerPhone) {
    violations.push({ rule: 'anonymous-call-unnamed', field: 'callerPhone', message: 'an anonymous call cannot record a phone number; set anonymous to false if the caller agreed to give it' });
  }
  if (violations.length > 0) return refuse(...violations);

  const normalised: HotlineCall = { ...call, topics: unique(call.topics), referrals: unique(call.referrals) };
  return accept({
    call: normalised,
    event: {
      type: 'HotlineCallLogged',
      payload: {
        callId: normalised.id,
        receivedAt: normalised.receivedAt.toISOString(),
        channel: normalised.channel,
        callerSex: normalised.callerSex,
        callerAgeBand: normalised.callerAgeBand,
        callerCategory: normalised.callerCategory,
        topics: [...normalised.topics],
        destinationCountry: normalised.destinationCountry,
        referrals: [...normalised.referrals],
        anonymous: normalised.anonymous,
      },
    },
  });
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
