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

const { IMPORT_LAYOUTS, IMPORT_KINDS, IMPORT_CHUNK, LABELS, VOCABULARIES, importColumnsOf, importRowOf, codeLookup, csvDelimiterOf } = contracts;
const LANGUAGES = ['en', 'ru', 'kk'];
const TITLES = {
  calls: 'hotline calls',
  'legal-consultations': 'legal consultations',
  'psychological-consultations': 'psychological consultations',
  trainings: 'trainings',
  materials: 'distributions of materials',
  media: 'media outputs',
  raids: 'raids',
};
// Codes, or their labels in any of the three languages: "Женщина" reads as FEMALE.
const lookup = codeLookup(Object.values(LABELS));

const HELP = `npm run import -- <file.csv|file.xlsx> [options]   import past work
npm run import -- --template <file.xlsx|file.csv> [--lang en|ru|kk] [--kind calls]   write the layout to fill in

  --kind <kind>       what the file holds: ${IMPORT_KINDS.join(', ')} (default calls)
  --as <user>         sign in as this local user (default: the first local user of a role that records the kind,
                      e.g. hotline-operator.kz-79); or give a token in QORGAU_TOKEN
  --valid-only        store the valid rows and report the others (default: a file with a bad row stores nothing)
  --url <base>        where the service answers (default http://127.0.0.1:<its port>)

Headers may be in English, Russian or Kazakh. Codes as in the template's "codes" sheet (or their labels);
lists separated by ";". Times without an offset are Kazakhstan's (UTC+5): 2024-03-05 14:30 or
05.03.2024 14:30. A training's participants are groups "sex age-band number" (FEMALE AGE_13_17 14;
MALE AGE_13_17 11); a raid's victims one each as "sex age-band citizenship form scope" (FEMALE
AGE_18_24 UZ LABOUR CROSS_BORDER). A row's identity is its "Source id" when the file has one, else its
content: importing a file again stores nothing twice.`;

/** The local user who records each kind, when --as is not given. */
const DEFAULT_USER = { HOTLINE_OPERATOR: 'hotline-operator.kz-79', LAWYER: 'lawyer.kz-79', PSYCHOLOGIST: 'psychologist.kz-79', OUTREACH_COORDINATOR: 'outreach-coordinator.kz-79' };

function options(argv) {
  const o = { kind: 'calls', validOnly: false, lang: 'en' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') o.help = true;
    else if (a === '--valid-only') o.validOnly = true;
    else if (['--kind', '--as', '--url', '--template', '--lang'].includes(a)) o[a.slice(2)] = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (see --help)`);
    else o.file = a;
  }
  if (!IMPORT_LAYOUTS[o.kind]) throw new Error(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  if (!LANGUAGES.includes(o.lang)) throw new Error(`--lang must be one of ${LANGUAGES.join(', ')}`);
  o.as ??= DEFAULT_USER[IMPORT_LAYOUTS[o.kind].roles[0]];
  return o;
}

/** The header line of a CSV file, to tell its delimiter. */
function headerLineOf(file) {
  const buffer = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  return buffer.subarray(0, length).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Every data row of the file with its number as a spreadsheet shows it (the header is row 1). */
async function readRows(file, layout) {
  const rows = [];
  if (/\.xlsx$/i.test(file)) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    let columns;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = row.values.slice(1);
      if (!columns) columns = importColumnsOf(layout, cells);
      else rows.push(importRowOf(columns, cells, number, lookup));
    });
  } else {
    let columns;
    // With info, each record carries the line it starts on: the row number a spreadsheet shows.
    const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, delimiter: csvDelimiterOf(headerLineOf(file)), info: true }));
    for await (const { record: cells, info } of parser) {
      if (!columns) columns = importColumnsOf(layout, cells);
      else rows.push(importRowOf(columns, cells, info.lines, lookup));
    }
  }
  return rows;
}

async function writeTemplate(file, layout, lang) {
  const headers = layout.columns.map((c) => c.headers[lang]);
  if (/\.csv$/i.test(file)) {
    writeFileSync(file, csvDocument([headers, layout.columns.map((c) => c.example)]));
    return;
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(TITLES[layout.kind]);
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(layout.columns.map((c) => c.example));
  sheet.columns.forEach((column) => (column.width = 24));
  const codes = book.addWorksheet('codes');
  codes.addRow(['column', 'code', 'label']).font = { bold: true };
  const codesOf = (vocabulary) => VOCABULARIES[vocabulary] ?? [];
  for (const column of layout.columns) {
    const vocabularies =
      column.kind === 'participants' ? ['sex', 'ageBand'] : column.kind === 'victims' ? ['sex', 'ageBand', 'exploitationForm', 'scope'] : column.vocabulary ? [column.vocabulary] : [];
    for (const vocabulary of vocabularies) for (const code of codesOf(vocabulary)) codes.addRow([column.headers[lang], code, LABELS[lang][vocabulary]?.[code] ?? '']);
  }
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
async function importRows(o, layout, rows) {
  const portOf = (name) => contracts.APPS.find((app) => app.name === name).port;
  const base = o.url ?? process.env[`QORGAU_${layout.service.toUpperCase()}_URL`] ?? `http://127.0.0.1:${portOf(layout.service)}`;
  const identity = process.env.QORGAU_IDENTITY_URL ?? `http://127.0.0.1:${portOf('identity')}`;
  const token = await tokenFor(o, identity);
  const send = async (chunk, mode) => {
    const response = await fetch(`${base}${layout.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ rows: chunk, check: mode === 'check', validOnly: o.validOnly }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok && !(response.status === 400 && body.problems)) throw new Error(`${layout.service} answered ${response.status}: ${body.message ?? JSON.stringify(body)}`);
    return body;
  };
  const chunks = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) chunks.push(rows.slice(i, i + IMPORT_CHUNK));
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
  const layout = IMPORT_LAYOUTS[o.kind];
  if (o.help || (!o.file && !o.template)) {
    console.log(HELP);
    return 0;
  }
  if (o.template) {
    await writeTemplate(o.template, layout, o.lang);
    console.log(`wrote ${o.template}: the ${TITLES[o.kind]} layout, headers in ${o.lang}, one example row${/\.xlsx$/i.test(o.template) ? ', and the codes each column takes' : ''}`);
    return 0;
  }
  if (!existsSync(o.file)) throw new Error(`no file ${o.file}`);
  const started = Date.now();
  const rows = await readRows(o.file, layout);
  if (rows.length === 0) throw new Error(`${o.file} has no rows under its header`);
  const result = await importRows(o, layout, rows);
  const seconds = (Date.now() - started) / 1000;
  for (const p of result.problems.slice(0, 50)) console.log(`row ${p.row}: ${p.field}: ${p.message}`);
  if (result.problems.length > 50) console.log(`… and ${result.problems.length - 50} more problems`);
  if (!result.stored) {
    console.log(`${new Set(result.problems.map((p) => p.row)).size} of ${rows.length} rows cannot be imported: nothing was stored. Mend them, or run again with --valid-only to store the others.`);
    return 1;
  }
  console.log(
    `${rows.length} rows read from ${path.basename(o.file)}: ${result.imported} ${TITLES[o.kind]} imported, ${result.alreadyImported} already there, ${new Set(result.problems.map((p) => p.row)).size} left out (${seconds.toFixed(1)} s, ${Math.round(rows.length / seconds)} rows/s)`,
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
