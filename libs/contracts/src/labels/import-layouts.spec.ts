import { LABELS } from '../labels';
import { VOCABULARIES } from '../vocabularies';
import { codeLookup, csvDelimiterOf, IMPORT_LAYOUTS, importColumnsOf, importRowOf } from './import-layouts';

describe('the layouts of spreadsheets to import', () => {
  it('takes codes of real vocabularies, and its examples are codes of them', () => {
    for (const layout of Object.values(IMPORT_LAYOUTS))
      for (const column of layout.columns.filter((c) => c.vocabulary)) {
        const codes: readonly string[] = VOCABULARIES[column.vocabulary as keyof typeof VOCABULARIES];
        expect({ kind: layout.kind, column: column.field, known: Boolean(codes) }).toEqual({ kind: layout.kind, column: column.field, known: true });
        for (const example of column.example.split(';').map((e) => e.trim())) expect(codes).toContain(example);
      }
  });

  it('reads headers in any of the three languages, and names a header it does not know', () => {
    const layout = IMPORT_LAYOUTS.trainings;
    expect(importColumnsOf(layout, ['Өңір', 'Дата проведения', 'hours', ' Site  type ', '']).map((c) => c?.field ?? null)).toEqual(['region', 'heldAt', 'hours', 'siteType', null]);
    expect(() => importColumnsOf(layout, ['Region', 'Weather'])).toThrow('column 2 "Weather" is not one of: Region, Held at');
  });

  it('turns a row of cells into the one-record body: codes or labels, lists, counts, groups of participants and victims', () => {
    const lookup = codeLookup(Object.values(LABELS));
    const training = IMPORT_LAYOUTS.trainings;
    const columns = importColumnsOf(
      training,
      training.columns.map((c) => c.headers.ru),
    );
    expect(
      importRowOf(columns, ['KZ-79', '05.03.2024 14:30', 'School No. 12', LABELS.ru['siteType']!['SCHOOL'], 'PUPILS', 'FEMALE AGE_13_17 14; male age_13_17 11', 2, '', 'TRN-1'], 7, lookup),
    ).toEqual({
      row: 7,
      sourceId: 'TRN-1',
      data: {
        region: 'KZ-79',
        heldAt: '2024-03-05T14:30:00+05:00',
        site: 'School No. 12',
        siteType: 'SCHOOL',
        audience: 'PUPILS',
        participants: [
          { sex: 'FEMALE', ageBand: 'AGE_13_17', count: 14 },
          { sex: 'MALE', ageBand: 'AGE_13_17', count: 11 },
        ],
        hours: 2,
      },
    });
    const raids = IMPORT_LAYOUTS.raids;
    expect(
      importRowOf(
        importColumnsOf(
          raids,
          raids.columns.map((c) => c.field),
        ),
        ['KZ-79', new Date(Date.UTC(2019, 4, 6, 9, 15)), 'MARKET', 'POLICE', '40', 'FEMALE AGE_18_24 uz LABOUR CROSS_BORDER;MALE AGE_25_34 KZ LABOUR DOMESTIC', ''],
        3,
        lookup,
      ).data,
    ).toEqual({
      region: 'KZ-79',
      conductedAt: '2019-05-06T09:15:00+05:00',
      placeType: 'MARKET',
      partnerAgency: 'POLICE',
      personsScreened: 40,
      victims: [
        { sex: 'FEMALE', ageBand: 'AGE_18_24', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' },
        { sex: 'MALE', ageBand: 'AGE_25_34', citizenship: 'KZ', exploitationForm: 'LABOUR', scope: 'DOMESTIC' },
      ],
    });
    // What is not a code is left as written: the service refuses it by its field.
    expect(importRowOf(importColumnsOf(raids, ['Partner agency', 'Persons screened']), ['Weather service', 'forty'], 2, lookup).data).toEqual({
      partnerAgency: 'Weather service',
      personsScreened: 'forty',
    });
  });

  it('tells the delimiter of a CSV file from its header line', () => {
    expect(csvDelimiterOf('Регион;Дата рейда;Пострадавшие (пол, возраст, гражданство, форма, вид)')).toBe(';');
    expect(csvDelimiterOf('Region,Conducted at,"Victims (sex, age band; citizenship)"')).toBe(',');
  });
});
