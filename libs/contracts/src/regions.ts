import { z } from 'zod';

/**
 * Kazakhstan's first-level subdivisions, ISO 3166-2:KZ (after the 2022 reform). Which eight of them
 * the project works in is configuration (QORGAU_REGIONS), not a contract: an event from any valid
 * region is readable.
 */
export const KZ_REGIONS = {
  'KZ-10': 'Abai Region',
  'KZ-11': 'Akmola Region',
  'KZ-15': 'Aktobe Region',
  'KZ-19': 'Almaty Region',
  'KZ-23': 'Atyrau Region',
  'KZ-27': 'West Kazakhstan Region',
  'KZ-31': 'Jambyl Region',
  'KZ-33': 'Jetisu Region',
  'KZ-35': 'Karaganda Region',
  'KZ-39': 'Kostanay Region',
  'KZ-43': 'Kyzylorda Region',
  'KZ-47': 'Mangystau Region',
  'KZ-55': 'Pavlodar Region',
  'KZ-59': 'North Kazakhstan Region',
  'KZ-61': 'Turkistan Region',
  'KZ-62': 'Ulytau Region',
  'KZ-63': 'East Kazakhstan Region',
  'KZ-71': 'Astana',
  'KZ-75': 'Almaty',
  'KZ-79': 'Shymkent',
} as const;

export type RegionCode = keyof typeof KZ_REGIONS;
export const REGION_CODES = Object.keys(KZ_REGIONS) as [RegionCode, ...RegionCode[]];
export const RegionCodeSchema = z.enum(REGION_CODES).describe('ISO 3166-2:KZ region code');

/** The eight regional offices of the current project; the default for QORGAU_REGIONS. */
export const DEFAULT_PROJECT_REGIONS: readonly RegionCode[] = ['KZ-71', 'KZ-75', 'KZ-79', 'KZ-61', 'KZ-35', 'KZ-47', 'KZ-23', 'KZ-63'];
