/**
 * The spreadsheets of past work that Qorgau imports (`npm run import`, the web's upload): each kind's
 * service, endpoint and columns, and how a row of cells becomes the body of the one-record API. Plain
 * data and pure functions, imported by nothing that loads schemas: the command line and the web
 * application read files the same way, and the services check every row with their own rules.
 */

export type ImportKindName = 'calls' | 'legal-consultations' | 'psychological-consultations' | 'trainings' | 'materials' | 'media' | 'raids';

/**
 * How a column's cells are read. `code`: one value of `vocabulary` (its code, or its label in any
 * language when the reader knows them); `list`: several, separated by ";" or ","; `time`: a moment,
 * Kazakhstan's wall clock unless it says otherwise; `count`: a whole number; `participants`: groups
 * as "sex age-band count", e.g. "FEMALE AGE_18_24 12; MALE AGE_18_24 9"; `victims`: one victim each,
 * "sex age-band citizenship form scope", e.g. "FEMALE AGE_18_24 UZ LABOUR CROSS_BORDER"; `source`: the
 * record's id in the file (its identity on a second import).
 */
export type ImportCellKind = 'text' | 'code' | 'list' | 'time' | 'count' | 'participants' | 'victims' | 'source';

export interface ImportColumn {
  readonly field: string;
  readonly headers: { readonly en: string; readonly ru: string; readonly kk: string };
  readonly kind: ImportCellKind;
  /** The vocabulary (VOCABULARIES, enums.json) a code or list column takes. */
  readonly vocabulary?: string;
  readonly example: string;
}

export interface ImportLayout {
  readonly kind: ImportKindName;
  readonly service: 'intake' | 'legal' | 'psychology' | 'outreach';
  readonly path: string;
  /** Who may import it: the roles that record it one by one. */
  readonly roles: readonly string[];
  readonly columns: readonly ImportColumn[];
}

const region: ImportColumn = { field: 'region', headers: { en: 'Region', ru: 'Регион', kk: 'Өңір' }, kind: 'code', vocabulary: 'region', example: 'KZ-79' };
const source: ImportColumn = { field: 'sourceId', headers: { en: 'Source id', ru: 'Номер в источнике', kk: 'Дереккөздегі нөмір' }, kind: 'source', example: 'REG-2024-0001' };
const when = (field: string, en: string, ru: string, kk: string): ImportColumn => ({ field, headers: { en, ru, kk }, kind: 'time', example: '2024-03-05 14:30' });
const sex = (field: string, en: string, ru: string, kk: string): ImportColumn => ({ field, headers: { en, ru, kk }, kind: 'code', vocabulary: 'sex', example: 'FEMALE' });
const ageBand = (field: string, en: string, ru: string, kk: string): ImportColumn => ({ field, headers: { en, ru, kk }, kind: 'code', vocabulary: 'ageBand', example: 'AGE_18_24' });

export const IMPORT_LAYOUTS: Readonly<Record<ImportKindName, ImportLayout>> = {
  calls: {
    kind: 'calls',
    service: 'intake',
    path: '/hotline-calls/import',
    roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'],
    columns: [
      region,
      when('receivedAt', 'Received at', 'Время звонка', 'Қоңырау уақыты'),
      { field: 'channel', headers: { en: 'Channel', ru: 'Канал', kk: 'Арна' }, kind: 'code', vocabulary: 'channel', example: 'VOICE_CALL' },
      sex('callerSex', 'Caller sex', 'Пол звонящего', 'Қоңырау шалушының жынысы'),
      ageBand('callerAgeBand', 'Caller age band', 'Возраст звонящего', 'Қоңырау шалушының жасы'),
      {
        field: 'callerCategory',
        headers: { en: 'Caller category', ru: 'Категория звонящего', kk: 'Қоңырау шалушының санаты' },
        kind: 'code',
        vocabulary: 'callerCategory',
        example: 'PREPARING_TO_TRAVEL_ABROAD',
      },
      { field: 'topics', headers: { en: 'Topics', ru: 'Темы', kk: 'Тақырыптар' }, kind: 'list', vocabulary: 'topic', example: 'EMPLOYMENT_ABROAD; DOCUMENTS_AND_VISAS' },
      { field: 'destinationCountry', headers: { en: 'Destination country', ru: 'Страна назначения', kk: 'Баратын ел' }, kind: 'text', example: 'TR' },
      { field: 'referrals', headers: { en: 'Referred to', ru: 'Перенаправлен', kk: 'Жолданды' }, kind: 'list', vocabulary: 'referralDestination', example: 'LEGAL' },
      { ...source, example: 'CALL-2024-0001' },
    ],
  },
  'legal-consultations': {
    kind: 'legal-consultations',
    service: 'legal',
    path: '/consultations/import',
    roles: ['LAWYER'],
    columns: [
      region,
      when('givenAt', 'Given at', 'Дата консультации', 'Кеңес берілген күн'),
      { field: 'clientType', headers: { en: 'Client type', ru: 'Тип клиента', kk: 'Клиент түрі' }, kind: 'code', vocabulary: 'legalClientType', example: 'VICTIM' },
      sex('clientSex', 'Client sex', 'Пол клиента', 'Клиенттің жынысы'),
      ageBand('clientAgeBand', 'Client age band', 'Возраст клиента', 'Клиенттің жасы'),
      { field: 'topics', headers: { en: 'Topics', ru: 'Темы', kk: 'Тақырыптар' }, kind: 'list', vocabulary: 'legalTopic', example: 'DOCUMENTS' },
      { field: 'outcome', headers: { en: 'Outcome', ru: 'Итог', kk: 'Нәтиже' }, kind: 'code', vocabulary: 'legalOutcome', example: 'ADVICE_GIVEN' },
      { ...source, example: 'LEGAL-2024-0001' },
    ],
  },
  'psychological-consultations': {
    kind: 'psychological-consultations',
    service: 'psychology',
    path: '/consultations/import',
    roles: ['PSYCHOLOGIST'],
    columns: [
      region,
      when('givenAt', 'Given at', 'Дата консультации', 'Кеңес берілген күн'),
      { field: 'clientType', headers: { en: 'Client type', ru: 'Тип клиента', kk: 'Клиент түрі' }, kind: 'code', vocabulary: 'psychologyClientType', example: 'VICTIM' },
      sex('clientSex', 'Client sex', 'Пол клиента', 'Клиенттің жынысы'),
      ageBand('clientAgeBand', 'Client age band', 'Возраст клиента', 'Клиенттің жасы'),
      { field: 'format', headers: { en: 'Format', ru: 'Формат', kk: 'Формат' }, kind: 'code', vocabulary: 'consultationFormat', example: 'IN_PERSON' },
      { field: 'presentingIssues', headers: { en: 'Presenting issues', ru: 'Запросы', kk: 'Өтініш себептері' }, kind: 'list', vocabulary: 'presentingIssue', example: 'ANXIETY' },
      { ...source, example: 'PSY-2024-0001' },
    ],
  },
  trainings: {
    kind: 'trainings',
    service: 'outreach',
    path: '/trainings/import',
    roles: ['OUTREACH_COORDINATOR'],
    columns: [
      region,
      when('heldAt', 'Held at', 'Дата проведения', 'Өткізілген күн'),
      { field: 'site', headers: { en: 'Site', ru: 'Место', kk: 'Орны' }, kind: 'text', example: 'School No. 12' },
      { field: 'siteType', headers: { en: 'Site type', ru: 'Тип места', kk: 'Орын түрі' }, kind: 'code', vocabulary: 'siteType', example: 'SCHOOL' },
      { field: 'audience', headers: { en: 'Audience', ru: 'Аудитория', kk: 'Аудитория' }, kind: 'code', vocabulary: 'audience', example: 'PUPILS' },
      {
        field: 'participants',
        headers: { en: 'Participants', ru: 'Участники', kk: 'Қатысушылар' },
        kind: 'participants',
        example: 'FEMALE AGE_13_17 14; MALE AGE_13_17 11',
      },
      { field: 'hours', headers: { en: 'Hours', ru: 'Часы', kk: 'Сағат' }, kind: 'count', example: '2' },
      { field: 'partner', headers: { en: 'Partner', ru: 'Партнёр', kk: 'Серіктес' }, kind: 'text', example: '' },
      { ...source, example: 'TRN-2024-0001' },
    ],
  },
  materials: {
    kind: 'materials',
    service: 'outreach',
    path: '/materials/import',
    roles: ['OUTREACH_COORDINATOR'],
    columns: [
      region,
      when('distributedAt', 'Distributed at', 'Дата распространения', 'Таратылған күн'),
      { field: 'kind', headers: { en: 'Kind', ru: 'Вид', kk: 'Түрі' }, kind: 'code', vocabulary: 'materialKind', example: 'BOOKLET' },
      { field: 'title', headers: { en: 'Title', ru: 'Название', kk: 'Атауы' }, kind: 'text', example: 'Safe travel abroad' },
      { field: 'quantity', headers: { en: 'Quantity', ru: 'Количество', kk: 'Саны' }, kind: 'count', example: '500' },
      { ...source, example: 'MAT-2024-0001' },
    ],
  },
  media: {
    kind: 'media',
    service: 'outreach',
    path: '/media/import',
    roles: ['OUTREACH_COORDINATOR'],
    columns: [
      region,
      when('publishedAt', 'Published at', 'Дата публикации', 'Жарияланған күн'),
      { field: 'kind', headers: { en: 'Kind', ru: 'Вид', kk: 'Түрі' }, kind: 'code', vocabulary: 'mediaKind', example: 'NEWSPAPER_ARTICLE' },
      { field: 'outlet', headers: { en: 'Outlet', ru: 'СМИ', kk: 'БАҚ' }, kind: 'text', example: 'Kazakhstanskaya Pravda' },
      { field: 'title', headers: { en: 'Title', ru: 'Заголовок', kk: 'Тақырыбы' }, kind: 'text', example: '' },
      { ...source, example: 'MED-2024-0001' },
    ],
  },
  raids: {
    kind: 'raids',
    service: 'outreach',
    path: '/raids/import',
    roles: ['OUTREACH_COORDINATOR'],
    columns: [
      region,
      when('conductedAt', 'Conducted at', 'Дата рейда', 'Рейд күні'),
      { field: 'placeType', headers: { en: 'Place type', ru: 'Тип места', kk: 'Орын түрі' }, kind: 'code', vocabulary: 'raidPlaceType', example: 'MARKET' },
      { field: 'partnerAgency', headers: { en: 'Partner agency', ru: 'Ведомство-партнёр', kk: 'Серіктес орган' }, kind: 'code', vocabulary: 'partnerAgency', example: 'POLICE' },
      { field: 'personsScreened', headers: { en: 'Persons screened', ru: 'Проверено лиц', kk: 'Тексерілген адамдар' }, kind: 'count', example: '40' },
      {
        field: 'victims',
        headers: { en: 'Victims', ru: 'Пострадавшие', kk: 'Жәбірленушілер' },
        kind: 'victims',
        example: 'FEMALE AGE_18_24 UZ LABOUR CROSS_BORDER',
      },
      { ...source, example: 'RAID-2024-0001' },
    ],
  },
};

export const IMPORT_KINDS = Object.keys(IMPORT_LAYOUTS) as ImportKindName[];

/** The rows a request to an import endpoint carries at most (IMPORT_CHUNK_ROWS of the services). */
export const IMPORT_CHUNK = 1000;

/** A row as an import endpoint takes it: its number as a spreadsheet shows it, its identity, the one-record body. */
export interface ImportRow {
  readonly row: number;
  readonly sourceId?: string;
  readonly data: Record<string, unknown>;
}

/** A code from what a cell says: its code, or a label the reader knows; otherwise the text, for the service to refuse by name. */
export type CodeLookup = (vocabulary: string, text: string) => string | undefined;

const normalise = (text: unknown) =>
  String(text ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** A header the layout does not know: which column, what it says, and the headers it may say. */
export class ImportHeaderError extends Error {
  constructor(
    readonly column: number,
    readonly header: string,
    readonly expected: readonly string[],
  ) {
    super(`column ${column} "${header}" is not one of: ${expected.join(', ')}`);
  }
}

/** The column each header names, in any of the three languages or as the field itself; an unknown header is an error naming it. */
export function importColumnsOf(layout: ImportLayout, headers: readonly unknown[]): (ImportColumn | null)[] {
  return headers.map((header, index) => {
    if (normalise(header) === '') return null;
    const column = layout.columns.find((c) => normalise(c.field) === normalise(header) || Object.values(c.headers).some((h) => normalise(h) === normalise(header)));
    if (!column)
      throw new ImportHeaderError(
        index + 1,
        String(header),
        layout.columns.map((c) => c.headers.en),
      );
    return column;
  });
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** A time from a cell: a spreadsheet's date (entered as Kazakhstan's wall clock), or text with or without an offset. */
export function importTimeOf(value: unknown): string {
  if (value instanceof Date) {
    // Spreadsheets keep wall-clock times without a zone; the readers give them as UTC.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:00+05:00`;
  }
  const text = String(value).trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text);
  if (dotted) return `${dotted[3]}-${pad(dotted[2]!)}-${pad(dotted[1]!)}T${pad(dotted[4] ?? 0)}:${dotted[5] ?? '00'}:00+05:00`;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (iso) return `${iso[1]}T${pad(iso[2] ?? 0)}:${iso[3] ?? '00'}:${iso[4] ?? '00'}+05:00`;
  return text;
}

const count = (text: string): number | string => (/^\d+$/.test(text) ? Number(text) : text);
const items = (text: string, separators = /[;,]/) =>
  text
    .split(separators)
    .map((v) => v.trim())
    .filter(Boolean);

/** "FEMALE AGE_18_24 12; MALE AGE_18_24 9": what a training counted; a malformed group is left as text for the service to name. */
function groupsOf(text: string, lookup: CodeLookup) {
  return items(text, /;/).map((group) => {
    const [sex = '', ageBand = '', number = ''] = group.split(/\s+/);
    return { sex: lookup('sex', sex) ?? sex, ageBand: lookup('ageBand', ageBand) ?? ageBand, count: count(number) };
  });
}

/** "FEMALE AGE_18_24 UZ LABOUR CROSS_BORDER; …": the victims a raid identified, by category. */
function victimsOf(text: string, lookup: CodeLookup) {
  return items(text, /;/).map((victim) => {
    const [sex = '', ageBand = '', citizenship = '', exploitationForm = '', scope = ''] = victim.split(/\s+/);
    return {
      sex: lookup('sex', sex) ?? sex,
      ageBand: lookup('ageBand', ageBand) ?? ageBand,
      citizenship: citizenship.toUpperCase(),
      exploitationForm: lookup('exploitationForm', exploitationForm) ?? exploitationForm,
      scope: lookup('scope', scope) ?? scope,
    };
  });
}

/** A row of cells as the one-record API takes it; empty cells are left out, so the API's defaults apply. */
export function importRowOf(columns: readonly (ImportColumn | null)[], cells: readonly unknown[], row: number, lookup: CodeLookup = () => undefined): ImportRow {
  const data: Record<string, unknown> = {};
  let sourceId: string | undefined;
  columns.forEach((column, i) => {
    const cell = cells[i];
    if (!column || cell === undefined || cell === null) return;
    // A spreadsheet's rich text or hyperlink cell carries its text beside its formatting.
    const value = typeof cell === 'object' && !(cell instanceof Date) && 'text' in cell ? (cell as { text: unknown }).text : cell;
    const text = String(value).trim();
    if (text === '') return;
    switch (column.kind) {
      case 'source':
        sourceId = text;
        break;
      case 'time':
        data[column.field] = importTimeOf(value);
        break;
      case 'count':
        data[column.field] = typeof value === 'number' ? value : count(text);
        break;
      case 'code':
        data[column.field] = lookup(column.vocabulary ?? '', text) ?? text;
        break;
      case 'list':
        data[column.field] = items(text).map((item) => lookup(column.vocabulary ?? '', item) ?? item);
        break;
      case 'participants':
        data[column.field] = groupsOf(text, lookup);
        break;
      case 'victims':
        data[column.field] = victimsOf(text, lookup);
        break;
      default:
        data[column.field] = text;
    }
  });
  return { row, ...(sourceId ? { sourceId } : {}), data };
}

/**
 * A lookup from codes and labels: `vocabularies` maps each vocabulary to its codes and each code to its
 * labels (enums.json, in as many languages as the reader has). Case and spacing do not matter.
 */
export function codeLookup(labelSets: readonly Readonly<Record<string, Readonly<Record<string, string>>>>[]): CodeLookup {
  const known = new Map<string, Map<string, string>>();
  for (const labels of labelSets)
    for (const [vocabulary, codes] of Object.entries(labels)) {
      const map = known.get(vocabulary) ?? new Map<string, string>();
      for (const [code, label] of Object.entries(codes)) {
        map.set(normalise(code), code);
        map.set(normalise(label), code);
      }
      known.set(vocabulary, map);
    }
  return (vocabulary, text) => known.get(vocabulary)?.get(normalise(text));
}

/**
 * Excel in Russian and Kazakh writes CSV with ";" between columns, in English with ",": the header
 * line tells which (no header holds a ";" or a comma).
 */
export function csvDelimiterOf(headerLine: string): ';' | ',' {
  return headerLine.replace(/"[^"]*"/g, '').includes(';') ? ';' : ',';
}
