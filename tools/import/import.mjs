// `npm run import -- <file.csv|file.xlsx>`: brings past work from a spreadsheet into Qorgau through the
// services' import endpoints, which check each row with the very rules of the one-record API and
// store it through the same command (audit trail, outbox, events). `npm run import -- --template
// calls.xlsx` writes the layout to fill in. Run with --help for the options.
import { createReadStream, existsSync, openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const contracts = require(path.join(root, 'dist/libs/contracts/src/index.js'));
const { csvDocument } = require(path.join(root, 'dist/libs/platform/src/http/csv.js'));

const CHUNK = 1000;
const LANGUAGES = ['en', 'ru', 'kk'];

/**
 * What can be imported: where it goes, and its columns in the order of the template, each with its
 * header in English, Russian and Kazakh (any of them is recognised, in any order) and the codes it takes.
 */
const KINDS = {
  calls: {
    title: 'hotline calls',
    service: 'intake',
    path: '/hotline-calls/import',
    columns: [
      { field: 'region', headers: { en: 'Region', ru: 'Регион', kk: 'Өңір' }, codes: contracts.REGION_CODES, example: 'KZ-79' },
      { field: 'receivedAt', headers: { en: 'Received at', ru: 'Время звонка', kk: 'Қоңырау уақыты' }, kind: 'time', example: '2024-03-05 14:30' },
      { field: 'channel', headers: { en: 'Channel', ru: 'Канал', kk: 'Арна' }, codes: contracts.HotlineChannelSchema.options, example: 'VOICE_CALL' },
      { field: 'callerSex', headers: { en: 'Caller sex', ru: 'Пол звонящего', kk: 'Қоңырау шалушының жынысы' }, codes: contracts.SexSchema.options, example: 'FEMALE' },
      { field: 'callerAgeBand', headers: { en: 'Caller age band', ru: 'Возраст звонящего', kk: 'Қоңырау шалушының жасы' }, codes: contracts.AgeBandSchema.options, example: 'AGE_18_24' },
      {
        field: 'callerCategory',
        headers: { en: 'Caller category', ru: 'Категория звонящего', kk: 'Қоңырау шалушының санаты' },
        codes: contracts.CallerCategorySchema.options,
        example: 'PREPARING_TO_TRAVEL_ABROAD',
      },
      { field: 'topics', headers: { en: 'Topics', ru: 'Темы', kk: 'Тақырыптар' }, kind: 'list', codes: contracts.HotlineTopicSchema.options, example: 'EMPLOYMENT_ABROAD; DOCUMENTS_AND_VISAS' },
      { field: 'destinationCountry', headers: { en: 'Destination country', ru: 'Страна назначения', kk: 'Баратын ел' }, example: 'TR' },
      { field: 'referrals', headers: { en: 'Referred to', ru: 'Перенаправлен', kk: 'Жолданды' }, kind: 'list', codes: contracts.ReferralDestinationSchema.options, example: 'LEGAL' },
      { field: 'sourceId', headers: { en: 'Source id', ru: 'Номер в источнике', kk: 'Дереккөздегі нөмір' }, kind: 'source', example: 'CALL-2024-0001' },
    ],
  },
};

const HELP = `npm run import -- <file.csv|file.xlsx> [options]   import past work
npm run import -- --template <file.xlsx|file.csv> [--lang en|ru|kk] [--kind calls]   write the layout to fill in

  --kind calls        what the file holds (default calls; the only kind so far)
  --as <user>         sign in as this local user (default hotline-operator.kz-79); or give a token in QORGAU_TOKEN
  --valid-only        store the valid rows and report the others (default: a file with a bad row stores nothing)
  --url <base>        where the service answers (default http://127.0.0.1:<its port>)

Headers may be in English, Russian or Kazakh. Codes as in the template's "codes" sheet; lists separated
by ";". Times without an offset are Kazakhstan's (UTC+5): 2024-03-05 14:30 or 05.03.2024 14:30.
A row's identity is its "Source id" when the file has one, else its content: importing a file again
stores nothing twice.`;

function options(argv) {
  const o = { kind: 'calls', as: 'hotline-operator.kz-79', validOnly: false, lang: 'en' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') o.help = true;
    else if (a === '--valid-only') o.validOnly = true;
    else if (['--kind', '--as', '--url', '--template', '--lang'].includes(a)) o[a.slice(2)] = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (see --help)`);
    else o.file = a;
  }
  if (!KINDS[o.kind]) throw new Error(`--kind must be one of ${Object.keys(KINDS).join(', ')}`);
  if (!LANGUAGES.includes(o.lang)) throw new Error(`--lang must be one of ${LANGUAGES.join(', ')}`);
  return o;
}

const normalise = (header) =>
  String(header ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** The column each header names, whatever the language; an unknown header is an error that names it. */
function columnsOf(kind, headers) {
  return headers.map((header, index) => {
    if (normalise(header) === '') return null;
    const column = kind.columns.find((c) => normalise(c.field) === normalise(header) || LANGUAGES.some((l) => normalise(c.headers[l]) === normalise(header)));
    if (!column) throw new Error(`column ${index + 1} "${header}" is not one of: ${kind.columns.map((c) => c.headers.en).join(', ')}`);
    return column;
  });
}

const pad = (n) => String(n).padStart(2, '0');

/** A time from a cell: an Excel date (entered as Kazakhstan's wall clock), or text with or without an offset. */
function timeOf(value) {
  if (value instanceof Date) {
    // Excel keeps wall-clock times without a zone; exceljs reads them as UTC.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:00+05:00`;
  }
  const text = String(value).trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text);
  if (dotted) return `${dotted[3]}-${pad(dotted[2])}-${pad(dotted[1])}T${pad(dotted[4] ?? 0)}:${dotted[5] ?? '00'}:00+05:00`;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (iso) return `${iso[1]}T${pad(iso[2] ?? 0)}:${iso[3] ?? '00'}:${iso[4] ?? '00'}+05:00`;
  return text;
}

/** A row of cells as the one-record API takes it; empty cells are left out, so the API's defaults apply. */
function recordOf(columns, cells, number) {
  const data = {};
  let sourceId;
  columns.forEach((column, i) => {
    const cell = cells[i];
    if (!column || cell === undefined || cell === null || String(cell).trim() === '') return;
    const value = typeof cell === 'object' && !(cell instanceof Date) && 'text' in cell ? cell.text : cell;
    if (column.kind === 'source') sourceId = String(value).trim();
    else if (column.kind === 'time') data[column.field] = timeOf(value);
    else if (column.kind === 'list')
      data[column.field] = String(value)
        .split(/[;,]/)
        .map((v) => v.trim())
        .filter(Boolean);
    else data[column.field] = String(value).trim();
  });
  return { row: number, ...(sourceId ? { sourceId } : {}), data };
}

/** Excel in Russian and Kazakh writes CSV with ";" between columns, in English with ",": the header line tells which. */
function delimiterOf(file) {
  const buffer = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const header = buffer.subarray(0, length).toString('utf8').split(/\r?\n/)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Every data row of the file with its number as a spreadsheet shows it (the header is row 1). */
async function readRows(file, kind) {
  const rows = [];
  if (/\.xlsx$/i.test(file)) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    let columns;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = row.values.slice(1);
      if (!columns) columns = columnsOf(kind, cells);
      else rows.push(recordOf(columns, cells, number));
    });
  } else {
    let columns;
    // With info, each record carries the line it starts on: the row number a spreadsheet shows.
    const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, delimiter: delimiterOf(file), info: true }));
    for await (const { record: cells, info } of parser) {
      if (!columns) columns = columnsOf(kind, cells);
      else rows.push(recordOf(columns, cells, info.lines));
    }
  }
  return rows;
}

async function writeTemplate(file, kind, lang) {
  const headers = kind.columns.map((c) => c.headers[lang]);
  if (/\.csv$/i.test(file)) {
    writeFileSync(file, csvDocument([headers, kind.columns.map((c) => c.example)]));
    return;
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(kind.title);
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(kind.columns.map((c) => c.example));
  sheet.columns.forEach((column) => (column.width = 24));
  const codes = book.addWorksheet('codes');
  codes.addRow(['column', 'code']).font = { bold: true };
  for (const column of kind.columns) for (const code of column.codes ?? []) codes.addRow([column.headers[lang], code]);
  await book.xlsx.writeFile(file);
}

function progress(done, total) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows`);
  if (done === total) process.stderr.write('\n');
}

async function tokenFor(o, identity) {
  if (process.env.QORGAU_TOKEN) return process.env.QORGAU_TOKEN;
  const response = await fetch(`${identity}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: o.as, password: process.env.QORGAU_LOCAL_PASSWORD ?? 'qorgau-local' }),
  }).catch(() => null);
  if (!response?.ok) throw new Error(`cannot sign in as ${o.as} at ${identity} (is the platform running? npm start)`);
  return (await response.json()).access_token;
}

/** Sends the rows in chunks: first all of them to be checked, then — if none is bad, or --valid-only — to be stored. */
async function importRows(o, kind, rows) {
  const portOf = (name) => contracts.APPS.find((app) => app.name === name).port;
  const base = o.url ?? process.env[`QORGAU_${kind.service.toUpperCase()}_URL`] ?? `http://127.0.0.1:${portOf(kind.service)}`;
  const identity = process.env.QORGAU_IDENTITY_URL ?? `http://127.0.0.1:${portOf('identity')}`;
  const token = await tokenFor(o, identity);
  const send = async (chunk, mode) => {
    const response = await fetch(`${base}${kind.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ rows: chunk, check: mode === 'check', validOnly: o.validOnly }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok && !(response.status === 400 && body.problems)) throw new Error(`${kind.service} answered ${response.status}: ${body.message ?? JSON.stringify(body)}`);
    return body;
  };
  const chunks = [];
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
  const problems = [];
  for (const chunk of chunks) problems.push(...(await send(chunk, 'check')).problems);
  if (problems.length > 0 && !o.validOnly) return { imported: 0, alreadyImported: 0, problems, stored: false };
  let imported = 0;
  let alreadyImported = 0;
  let done = 0;
  const bad = new Set(problems.map((p) => p.row));
  for (const chunk of chunks) {
    const good = chunk.filter((row) => !bad.has(row.row));
    if (good.length > 0) {
      const result = await send(good, 'store');
      imported += result.imported;
      alreadyImported += result.alreadyImported;
    }
    done += chunk.length;
    progress(done, rows.length);
  }
  return { imported, alreadyImported, problems, stored: true };
}

async function main() {
  const o = options(process.argv.slice(2));
  const kind = KINDS[o.kind];
  if (o.help || (!o.file && !o.template)) {
    console.log(HELP);
    return 0;
  }
  if (o.template) {
    await writeTemplate(o.template, kind, o.lang);
    console.log(`wrote ${o.template}: the ${kind.title} layout, headers in ${o.lang}, one example row${/\.xlsx$/i.test(o.template) ? ', and the codes each column takes' : ''}`);
    return 0;
  }
  if (!existsSync(o.file)) throw new Error(`no file ${o.file}`);
  const started = Date.now();
  const rows = await readRows(o.file, kind);
  if (rows.length === 0) throw new Error(`${o.file} has no rows under its header`);
  const result = await importRows(o, kind, rows);
  const seconds = (Date.now() - started) / 1000;
  for (const p of result.problems.slice(0, 50)) console.log(`row ${p.row}: ${p.field}: ${p.message}`);
  if (result.problems.length > 50) console.log(`… and ${result.problems.length - 50} more problems`);
  if (!result.stored) {
    console.log(`${new Set(result.problems.map((p) => p.row)).size} of ${rows.length} rows cannot be imported: nothing was stored. Mend them, or run again with --valid-only to store the others.`);
    return 1;
  }
  console.log(
    `${rows.length} rows read from ${path.basename(o.file)}: ${result.imported} ${kind.title} imported, ${result.alreadyImported} already there, ${new Set(result.problems.map((p) => p.row)).size} left out (${seconds.toFixed(1)} s, ${Math.round(rows.length / seconds)} rows/s)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`import: ${error.message}`);
    process.exit(2);
  },
);
