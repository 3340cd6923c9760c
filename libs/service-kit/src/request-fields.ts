import { z } from 'zod';
import { DaySchema, RegionCodeSchema, type RegionCode } from '@qorgau/contracts';
import { CLOCK_SKEW_MS } from '@qorgau/domain';

// Field kinds shared by the services' requests. Limits are deliberate: a form has no business
// sending megabytes, and every string that reaches the database has a ceiling.

export const regionField = (regions: readonly RegionCode[]) => z.enum(regions as [RegionCode, ...RegionCode[]], { error: `must be one of the project's regions: ${regions.join(', ')}` });

/**
 * The years a record can fall in. Earlier dates are typing mistakes (1970 from a spreadsheet's empty
 * cell, year 1 or 999 from lost digits) that would be stored and then counted in no view; the
 * organisation's own records start well after 2000.
 */
export const RECORD_YEARS = { first: 2000, last: 2099 } as const;
const withinRecordYears = (value: string): boolean => {
  const year = Number(value.slice(0, 4));
  return year >= RECORD_YEARS.first && year <= RECORD_YEARS.last;
};
const recordYearsMessage = `must be between ${RECORD_YEARS.first} and ${RECORD_YEARS.last}`;

export const timestampField = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-22T10:15:00+05:00' }).refine(withinRecordYears, recordYearsMessage);

/** A day (YYYY-MM-DD) in the years records fall in. */
export const dayField = DaySchema.refine(withinRecordYears, recordYearsMessage);

export const personalText = (max: number) => z.string().trim().min(1, 'cannot be empty').max(max, `must be at most ${max} characters`);

export const phoneField = z
  .string()
  .trim()
  .max(32, 'must be at most 32 characters')
  .regex(/^\+?[0-9 ()-]{5,32}$/, 'must be a phone number: digits, spaces, brackets and dashes, optionally starting with +');

export const uniqueList = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must list at most ${max} values`);

/** A moment that has happened: clocks drift and forms are filled in on phones, so a little slack is allowed. */
export const pastTimestampField = timestampField.refine((value) => Date.parse(value) <= Date.now() + CLOCK_SKEW_MS, 'cannot be in the future');

/** A count of people or items typed into a form. */
export const countField = (max = 100_000) => z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'cannot be negative').max(max, `must be at most ${max}`);

/** A client's identity and the worker's notes, when given: personal, stored encrypted, never published. */
export const clientIdentityFields = {
  clientName: personalText(200).optional().describe('Personal: stored encrypted, never published'),
  clientContact: personalText(200).optional().describe('Personal: stored encrypted, never published'),
  notes: personalText(4000).optional().describe('Personal free text: stored encrypted, never published'),
};

/** A region's list, newest first: the region defaults to the reader's own (HQ names one, see listedRegion). */
export const regionListFields = {
  region: RegionCodeSchema.optional().describe('Your region (the default)'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('How many, newest first (default 100)'),
};
export const regionListQuery = z.object(regionListFields).strict();
export type RegionListQuery = z.output<typeof regionListQuery>;
