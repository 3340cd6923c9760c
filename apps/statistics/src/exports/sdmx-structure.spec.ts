import { INDICATOR_CATALOGUE_VERSION } from '@qorgau/contracts';
import { sdmxDataMessageProblems, sdmxStructureMessageProblems } from '@qorgau/testing';
import { INDICATOR_LABELS } from '../reports/indicator-labels';
import { toSdmxJson, type ExportedReport } from './report-export';
import { dataStructureUrn, sdmxStructureMessage } from './sdmx-structure';

const structure = sdmxStructureMessage(INDICATOR_CATALOGUE_VERSION, new Date('2026-04-05T10:00:00Z'));
const codelists = new Map(structure.data.codelists.map((list) => [list.id, new Set(list.codes.map((code) => code.id))]));
const dsd = structure.data.dataStructures[0]!;

describe('the SDMX data structure definition', () => {
  it('is an SDMX-JSON 1.0 structure message valid against the official schema', () => {
    expect(sdmxStructureMessageProblems(structure)).toEqual([]);
  });

  it('is the one the data messages name, with their dimensions in their order, and a code list for every value they hold', () => {
    const report: ExportedReport = {
      id: '7d3c8f0e-1b2a-4c5d-8e9f-0a1b2c3d4e5f',
      scope: 'KZ-79',
      periodKind: 'YEAR',
      period: '2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      status: 'APPROVED',
      catalogueVersion: INDICATOR_CATALOGUE_VERSION,
      threshold: 5,
      cells: [
        { indicator: 'hotline_calls', orgUnit: 'KZ-79', dimension: 'total', value: 'all', count: 40, confidentiality: 'F' },
        { indicator: 'hotline_calls', orgUnit: 'KZ-79', dimension: 'caller_category', value: 'PREPARING_TO_TRAVEL_ABROAD', count: 40, confidentiality: 'F' },
        { indicator: 'legal_assistance', orgUnit: 'KZ-79', dimension: 'kind', value: 'REPATRIATION', count: 6, confidentiality: 'F' },
        { indicator: 'victims_identified', orgUnit: 'KZ-79', dimension: 'citizenship', value: 'UZ', count: 7, confidentiality: 'F' },
        { indicator: 'official_victims_identified', orgUnit: 'KZ-79', dimension: 'citizenship_group', value: 'NOT_SPECIFIED', count: 9, confidentiality: 'F' },
        { indicator: 'verdicts', orgUnit: 'KZ-79', dimension: 'article', value: '128.3', count: 2, confidentiality: 'F' },
      ],
      indicators: INDICATOR_LABELS,
    };
    const message = toSdmxJson(report, new Date('2026-04-05T10:00:00Z'));
    expect(sdmxDataMessageProblems(message)).toEqual([]);
    expect(message.data.structure.links[0]!.urn).toBe(dataStructureUrn(INDICATOR_CATALOGUE_VERSION));
    expect(`${dsd.agencyID}:${dsd.id}(${dsd.version})`).toBe(dataStructureUrn(INDICATOR_CATALOGUE_VERSION).split('=')[1]);

    const declared = [...dsd.dataStructureComponents.dimensionList.dimensions, ...dsd.dataStructureComponents.dimensionList.timeDimensions];
    const observed = message.data.structure.dimensions.observation;
    expect(observed.map((d) => [d.id, d.keyPosition])).toEqual(declared.map((d) => [d.id, d.position]));
    for (const dimension of observed) {
      const declaration = declared.find((d) => d.id === dimension.id)!;
      const list = 'enumeration' in declaration.localRepresentation ? declaration.localRepresentation.enumeration.match(/Codelist=QORGAU:(\w+)\(/)![1]! : null;
      if (!list) continue;
      const missing = dimension.values.map((value) => value.id).filter((id) => !codelists.get(list)!.has(id));
      expect({ dimension: dimension.id, missing }).toEqual({ dimension: dimension.id, missing: [] });
    }
  });

  it('codes every breakdown with its total first, and leaves Criminal Code articles and shelters as text', () => {
    const dimensions = dsd.dataStructureComponents.dimensionList.dimensions;
    const article = dimensions.find((d) => d.id === 'ARTICLE')!;
    expect(article.localRepresentation).toEqual({ textFormat: { textType: 'String', maxLength: 40 } });
    for (const list of structure.data.codelists.filter((l) => !['CL_INDICATOR', 'CL_AREA', 'CL_CONF_STATUS', 'CL_UNIT_MEASURE'].includes(l.id))) {
      expect({ list: list.id, first: list.codes[0]!.id }).toEqual({ list: list.id, first: '_T' });
    }
    expect([...codelists.get('CL_KIND')!]).toEqual(expect.arrayContaining(['REPATRIATION', 'BOOKLET', 'TV', 'FOOD']));
    expect([...codelists.get('CL_CITIZENSHIP')!]).toEqual(expect.arrayContaining(['UZ', 'XX', 'NOT_SPECIFIED']));
  });
});
