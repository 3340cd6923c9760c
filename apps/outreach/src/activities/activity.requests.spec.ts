import { activityRequests } from './activity.requests';

const requests = activityRequests(['KZ-79', 'KZ-71']);
const raid = { region: 'KZ-79', conductedAt: '2026-03-10T22:00:00+05:00', placeType: 'CONSTRUCTION_SITE', partnerAgency: 'MIGRATION_POLICE', personsScreened: 2 };
const victim = { sex: 'MALE', ageBand: 'AGE_25_34', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' };
const fields = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('outreach requests', () => {
  it('accept a raid that identified victims among the persons screened', () => {
    expect(requests.raid.safeParse({ ...raid, victims: [victim] }).success).toBe(true);
  });

  it('refuse a victim described by anything but categories', () => {
    expect(fields(requests.raid.safeParse({ ...raid, victims: [{ ...victim, fullName: 'A. B.' }] }))).toEqual(['victims.0']);
  });

  it('refuse a training without participants or in a region outside the project', () => {
    const training = { region: 'KZ-79', heldAt: '2026-03-10T10:00:00+05:00', site: 'School 12', siteType: 'SCHOOL', audience: 'PUPILS', hours: 2 };
    expect(fields(requests.training.safeParse({ ...training, participants: [] }))).toEqual(['participants']);
    expect(fields(requests.training.safeParse({ ...training, region: 'KZ-11', participants: [{ sex: 'FEMALE', ageBand: 'AGE_13_17', count: 10 }] }))).toEqual(['region']);
  });
});
