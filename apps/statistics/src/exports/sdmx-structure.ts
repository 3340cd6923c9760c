import { breakdownVocabulary, BREAKDOWN_VALUES, COUNTRY_CODES, NATIONAL, REGION_CODES, UNKNOWN_COUNTRY } from '@qorgau/contracts';
import { NOT_SPECIFIED } from '../official-statistics/official-measures';
import { ALL_FIGURES, type ReportFigure } from '../reports/indicator-labels';

/** Where the SDMX-JSON 1.0 structure message schema is published (vendored in docs/standards/sdmx-json for the tests). */
export const SDMX_JSON_STRUCTURE_SCHEMA = 'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/1.0/sdmx-json-structure-schema.json';
export const SDMX_AGENCY = 'QORGAU';
/** The data structure the messages follow: every figure of the catalogue version, one dimension per breakdown. */
export const dataStructureUrn = (catalogueVersion: number) => `urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${SDMX_AGENCY}:DSD_4P(${catalogueVersion}.0)`;
/** SDMX ids are letters, digits, _, @, $ and -. */
export const sdmxId = (value: string): string => value.replace(/[^A-Za-z0-9_@$-]/g, '_');
/** A breakdown as an SDMX dimension id: CALLER_SEX, EXPLOITATION_FORM, … (a letter first). */
export const sdmxDimensionId = (dimension: string): string => sdmxId(dimension.toUpperCase());

/**
 * The breakdowns of every figure a report can hold (the catalogue's and the official measures'),
 * each an SDMX dimension, in one fixed order: the data messages list the same dimensions in it.
 */
export const SDMX_BREAKDOWNS: readonly string[] = [...new Set(ALL_FIGURES.flatMap((figure) => figure.breakdowns.map((breakdown) => breakdown.dimension)))].sort();

/** Which breakdowns partner figures carry: those may hold the part a partner did not break down. */
const OFFICIAL_BREAKDOWNS = new Set(ALL_FIGURES.filter((figure) => 'measure' in figure).flatMap((figure) => figure.breakdowns.map((breakdown) => breakdown.dimension)));
const CITIZENSHIP_GROUPS = ['DOMESTIC', 'FOREIGN'];

/** A dimension's codes (without `_T`), or null for free text (Criminal Code articles, shelters by id). */
function codesOf(dimension: string): readonly string[] | null {
  const closed = dimension === 'citizenship_group' ? CITIZENSHIP_GROUPS : BREAKDOWN_VALUES[dimension] === 'COUNTRY' ? [...COUNTRY_CODES, UNKNOWN_COUNTRY] : breakdownVocabulary(dimension);
  if (!closed) return null;
  return OFFICIAL_BREAKDOWNS.has(dimension) ? [...closed, NOT_SPECIFIED] : closed;
}

/** "PREPARING_TO_TRAVEL_ABROAD" → "Preparing to travel abroad": a readable name where the code is the label. */
const named = (code: string) => (/^[A-Z0-9_]+$/.test(code) && /[A-Z]{2}/.test(code) && code.length > 3 ? `${code[0]}${code.slice(1).toLowerCase().replaceAll('_', ' ')}` : code);

const urn = (kind: string, id: string, version = '1.0') => `urn:sdmx:org.sdmx.infomodel.${kind}=${SDMX_AGENCY}:${id}(${version})`;
const conceptUrn = (id: string) => `urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=${SDMX_AGENCY}:CS_4P(1.0).${id}`;
const codelistUrn = (id: string) => urn('codelist.Codelist', id);
const codelist = (id: string, name: string, codes: readonly { id: string; name: string }[]) => ({ id, agencyID: SDMX_AGENCY, version: '1.0', isFinal: true, name, codes });
const withTotal = (codes: readonly { id: string; name: string }[]) => [{ id: '_T', name: 'Total' }, ...codes];

/**
 * The data structure definition (DSD) of the 4P reports as an SDMX-JSON 1.0 structure message
 * (valid against its official schema): the concept scheme, a code list for every coded dimension
 * and attribute, and DSD_4P — INDICATOR, REF_AREA, one dimension per breakdown (`_T` where a figure
 * does not break down by it), TIME_PERIOD; OBS_VALUE with CONF_STATUS and UNIT_MEASURE. A partner
 * loads it once per catalogue version, then every data message Qorgau exports fits it.
 */
export function sdmxStructureMessage(catalogueVersion: number, prepared: Date) {
  const breakdowns = SDMX_BREAKDOWNS.map((dimension) => ({ dimension, id: sdmxDimensionId(dimension), label: sdmxBreakdownName(dimension), codes: codesOf(dimension) }));
  const units = [...new Set(ALL_FIGURES.map((figure) => figure.unit))].sort();
  const codelists = [
    codelist(
      'CL_INDICATOR',
      'Indicators of the 4P catalogue and partner measures',
      ALL_FIGURES.map((figure) => ({ id: sdmxId(figure.code), name: figure.title })),
    ),
    codelist('CL_AREA', 'Kazakhstan and its regions (ISO 3166)', [{ id: NATIONAL, name: 'Kazakhstan' }, ...REGION_CODES.map((code) => ({ id: sdmxId(code), name: code }))]),
    ...breakdowns.flatMap(({ id, label, codes }) => (codes ? [codelist(`CL_${id}`, label, withTotal(codes.map((code) => ({ id: sdmxId(code), name: named(code) }))))] : [])),
    codelist('CL_CONF_STATUS', 'Confidentiality status', [
      { id: 'F', name: 'Free' },
      { id: 'C', name: 'Confidential statistical information: fewer people than the threshold' },
      { id: 'D', name: 'Secondary confidentiality set by the sender, not for publication' },
    ]),
    codelist(
      'CL_UNIT_MEASURE',
      'Units of measure',
      units.map((unit) => ({ id: unit, name: unit.toLowerCase() })),
    ),
  ];
  const concepts = [
    { id: 'INDICATOR', name: 'Indicator' },
    { id: 'REF_AREA', name: 'Reference area' },
    ...breakdowns.map(({ id, label }) => ({ id, name: label })),
    { id: 'TIME_PERIOD', name: 'Time period' },
    { id: 'OBS_VALUE', name: 'Observation value' },
    { id: 'CONF_STATUS', name: 'Confidentiality status' },
    { id: 'UNIT_MEASURE', name: 'Unit of measure' },
  ];
  const coded = (id: string) => ({ enumeration: codelistUrn(id) });
  const dimensions = [
    { id: 'INDICATOR', representation: coded('CL_INDICATOR') },
    { id: 'REF_AREA', representation: coded('CL_AREA') },
    ...breakdowns.map(({ id, codes }) => ({ id, representation: codes ? coded(`CL_${id}`) : { textFormat: { textType: 'String', maxLength: 40 } } })),
  ].map(({ id, representation }, position) => ({ id, position, type: 'Dimension', conceptIdentity: conceptUrn(id), localRepresentation: representation }));

  return {
    meta: {
      schema: SDMX_JSON_STRUCTURE_SCHEMA,
      id: `QORGAU-DSD_4P-${catalogueVersion}`,
      test: false,
      prepared: prepared.toISOString(),
      contentLanguages: ['en'],
      sender: { id: SDMX_AGENCY, name: 'Qorgau anti-trafficking programme' },
    },
    data: {
      dataStructures: [
        {
          id: 'DSD_4P',
          agencyID: SDMX_AGENCY,
          version: `${catalogueVersion}.0`,
          isFinal: true,
          name: '4P indicators of the anti-trafficking programme',
          description: `Indicator catalogue version ${catalogueVersion}; ${dataStructureUrn(catalogueVersion)}`,
          dataStructureComponents: {
            dimensionList: {
              id: 'DimensionDescriptor',
              dimensions,
              timeDimensions: [
                {
                  id: 'TIME_PERIOD',
                  position: dimensions.length,
                  type: 'TimeDimension',
                  conceptIdentity: conceptUrn('TIME_PERIOD'),
                  localRepresentation: { textFormat: { textType: 'ObservationalTimePeriod' } },
                },
              ],
            },
            attributeList: {
              id: 'AttributeDescriptor',
              attributes: [
                {
                  id: 'CONF_STATUS',
                  assignmentStatus: 'Mandatory',
                  attributeRelationship: { primaryMeasure: 'OBS_VALUE' },
                  conceptIdentity: conceptUrn('CONF_STATUS'),
                  localRepresentation: coded('CL_CONF_STATUS'),
                },
                {
                  id: 'UNIT_MEASURE',
                  assignmentStatus: 'Mandatory',
                  attributeRelationship: { dimensions: ['INDICATOR'] },
                  conceptIdentity: conceptUrn('UNIT_MEASURE'),
                  localRepresentation: coded('CL_UNIT_MEASURE'),
                },
              ],
            },
            measureList: {
              id: 'MeasureDescriptor',
              primaryMeasure: { id: 'OBS_VALUE', conceptIdentity: conceptUrn('OBS_VALUE'), localRepresentation: { textFormat: { textType: 'Integer' } } },
            },
          },
        },
      ],
      conceptSchemes: [{ id: 'CS_4P', agencyID: SDMX_AGENCY, version: '1.0', isFinal: true, name: 'Concepts of the 4P reports', concepts }],
      codelists,
    },
  };
}

/** A breakdown's name, as the figures that use it call it ("Kind of assistance / Kind of material / …" where they differ). */
export function sdmxBreakdownName(dimension: string): string {
  const labels = new Set(
    ALL_FIGURES.flatMap((figure: ReportFigure) => figure.breakdowns)
      .filter((breakdown) => breakdown.dimension === dimension)
      .map((breakdown) => breakdown.label),
  );
  return [...labels].join(' / ') || dimension;
}
