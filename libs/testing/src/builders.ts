import { randomUUID } from 'node:crypto';
import { encodeEvent, type EncodedEvent, type EventPayload, type RegionCode } from '@qorgau/contracts';

/** A POST /hotline-calls body: `aHotlineCall().fromRegion('KZ-79').inMonth('2019-04').build()`. */
export function aHotlineCall() {
  const body: Record<string, unknown> = {
    region: 'KZ-79',
    channel: 'VOICE_CALL',
    callerSex: 'FEMALE',
    callerAgeBand: 'AGE_18_24',
    callerCategory: 'PREPARING_TO_TRAVEL_ABROAD',
    topics: ['EMPLOYMENT_ABROAD'],
    destinationCountry: 'TR',
    referrals: [],
  };
  const builder = {
    fromRegion: (region: RegionCode) => ((body['region'] = region), builder),
    /** Received on the 15th of that month, at noon UTC: well inside the month in any reporting time zone. */
    inMonth: (month: string) => ((body['receivedAt'] = `${month}-15T12:00:00Z`), builder),
    by: (callerSex: string, callerCategory: string) => ((body['callerSex'] = callerSex), (body['callerCategory'] = callerCategory), builder),
    referredTo: (...referrals: string[]) => ((body['referrals'] = referrals), builder),
    withCaller: (callerName: string, callerPhone: string) => ((body['anonymous'] = false), (body['callerName'] = callerName), (body['callerPhone'] = callerPhone), builder),
    with: (fields: Record<string, unknown>) => (Object.assign(body, fields), builder),
    without: (field: string) => (delete body[field], builder),
    build: (): Record<string, unknown> => ({ ...body }),
  };
  return builder;
}

/** A HotlineCallLogged event as it travels on Kafka, for tests that publish directly. */
export function aHotlineCallLoggedEvent(overrides: Partial<EventPayload<'HotlineCallLogged'>> & { region?: RegionCode; month?: string } = {}): EncodedEvent {
  const { region = 'KZ-79', month = '2019-01', ...payload } = overrides;
  const receivedAt = `${month}-15T12:00:00.000Z`;
  return encodeEvent({
    event: {
      type: 'HotlineCallLogged',
      payload: {
        callId: randomUUID(),
        receivedAt,
        channel: 'VOICE_CALL',
        callerSex: 'FEMALE',
        callerAgeBand: 'AGE_18_24',
        callerCategory: 'PREPARING_TO_TRAVEL_ABROAD',
        topics: [],
        destinationCountry: null,
        referrals: [],
        anonymous: true,
        ...payload,
      },
    },
    region,
    producer: 'intake',
    occurredAt: receivedAt,
    correlationId: randomUUID(),
  });
}
