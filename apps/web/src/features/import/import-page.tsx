import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  codeLookup,
  csvDelimiterOf,
  IMPORT_CHUNK,
  IMPORT_KINDS,
  IMPORT_LAYOUTS,
  ImportHeaderError,
  importColumnsOf,
  importRowOf,
  type CodeLookup,
  type ImportKindName,
  type ImportLayout,
  type ImportRow,
} from '@qorgau/contracts/labels/import-layouts';
import { useApi, useSession } from '../../app/contexts';
import { ErrorSummary } from '../../components/form-errors';
import { unwrap, type ApiClients } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { type Language } from '../../lib/i18n';
import { saveFile } from '../../lib/save-file';
import type { paths } from '../../generated/intake';

type ImportBody = paths['/hotline-calls/import']['post']['requestBody']['content']['application/json'];
type ImportAnswer = paths['/hotline-calls/import']['post']['responses']['200']['content']['application/json'];
type Problem = ImportAnswer['problems'][number];

/** Each kind's endpoint, typed by its service's OpenAPI document: the same chunk of rows to each. */
const SEND: Record<ImportKindName, (api: ApiClients, body: ImportBody) => Promise<ImportAnswer>> = {
  calls: async (api, body) => unwrap(await api.intake.POST('/hotline-calls/import', { body })),
  'legal-consultations': async (api, body) => unwrap(await api.legal.POST('/consultations/import', { body })),
  'psychological-consultations': async (api, body) => unwrap(await api.psychology.POST('/consultations/import', { body })),
  trainings: async (api, body) => unwrap(await api.outreach.POST('/trainings/import', { body })),
  materials: async (api, body) => unwrap(await api.outreach.POST('/materials/import', { body })),
  media: async (api, body) => unwrap(await api.outreach.POST('/media/import', { body })),
  raids: async (api, body) => unwrap(await api.outreach.POST('/raids/import', { body })),
};

type Progress =
  | { readonly phase: 'idle' }
  | { readonly phase: 'reading' }
  | { readonly phase: 'checking' | 'storing'; readonly done: number; readonly total: number }
  | { readonly phase: 'refused'; readonly problems: readonly Problem[]; readonly total: number }
  | { readonly phase: 'done'; readonly imported: number; readonly already: number; readonly problems: readonly Problem[] }
  | { readonly phase: 'failed'; readonly error: unknown; readonly message?: string };

/** The rows of a spreadsheet (the header is row 1), read by the same layout as `npm run import`. */
async function readFile(file: File, layout: ImportLayout, lookup: CodeLookup): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  if (/\.xlsx$/i.test(file.name)) {
    // Excel's reader is large: loaded only when an Excel file is imported.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const sheet = book.worksheets[0];
    let columns: ReturnType<typeof importColumnsOf> | undefined;
    sheet?.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = (row.values as unknown[]).slice(1);
      if (!columns) columns = importColumnsOf(layout, cells);
      else rows.push(importRowOf(columns, cells, number, lookup));
    });
    return rows;
  }
  const { parse } = await import('csv-parse/browser/esm/sync');
  const text = await file.text();
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, delimiter: csvDelimiterOf(text.split(/\r?\n/, 1)[0] ?? ''), info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const [header, ...data] = records;
  if (!header) return rows;
  const columns = importColumnsOf(layout, header.record);
  for (const { record, info } of data) rows.push(importRowOf(columns, record, info.lines, lookup));
  return rows;
}

const chunks = <T,>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / IMPORT_CHUNK) }, (_, i) => items.slice(i * IMPORT_CHUNK, (i + 1) * IMPORT_CHUNK));

/**
 * Past work from spreadsheets, as `npm run import` brings it in: every row checked by the service's
 * own rules first; a file with a bad row stores nothing (unless the user asks to store the valid
 * rows), and the bad rows are listed by number and column. A progress bar for large files.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation(['import', 'common', 'enums']);
  const language = i18n.language as Language;
  const api = useApi();
  const { principal } = useSession();
  const kinds = IMPORT_KINDS.filter((kind) => IMPORT_LAYOUTS[kind].roles.includes(principal.role));
  const [kind, setKind] = useState<ImportKindName>(kinds[0] ?? 'calls');
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [progress, setProgress] = useState<Progress>({ phase: 'idle' });
  const layout = IMPORT_LAYOUTS[kind];
  const busy = progress.phase === 'reading' || progress.phase === 'checking' || progress.phase === 'storing';

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setProgress({ phase: 'reading' });
    let rows: ImportRow[];
    try {
      // Codes, or their names in the reader's language.
      rows = await readFile(file, layout, codeLookup([i18n.getResourceBundle(language, 'enums') as Record<string, Record<string, string>>]));
    } catch (error) {
      const message = error instanceof ImportHeaderError ? t('badHeader', { column: error.column, header: error.header, expected: error.expected.join(', ') }) : t('unreadable');
      return setProgress({ phase: 'failed', error, message });
    }
    if (rows.length === 0) return setProgress({ phase: 'failed', error: null, message: t('noRows') });
    try {
      const problems: Problem[] = [];
      let done = 0;
      setProgress({ phase: 'checking', done, total: rows.length });
      for (const chunk of chunks(rows)) {
        problems.push(...(await SEND[kind](api, { rows: chunk, check: true, validOnly })).problems);
        done += chunk.length;
        setProgress({ phase: 'checking', done, total: rows.length });
      }
      if (problems.length > 0 && !validOnly) return setProgress({ phase: 'refused', problems, total: rows.length });
      const bad = new Set(problems.map((problem) => problem.row));
      const good = rows.filter((row) => !bad.has(row.row));
      let imported = 0;
      let already = 0;
      done = 0;
      setProgress({ phase: 'storing', done, total: good.length });
      for (const chunk of chunks(good)) {
        const answer = await SEND[kind](api, { rows: chunk, check: false, validOnly });
        imported += answer.imported;
        already += answer.alreadyImported;
        done += chunk.length;
        setProgress({ phase: 'storing', done, total: good.length });
      }
      setProgress({ phase: 'done', imported, already, problems });
    } catch (error) {
      setProgress({ phase: 'failed', error });
    }
  };

  const template = () => {
    const quote = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const lines = [layout.columns.map((c) => c.headers[language]), layout.columns.map((c) => c.example)].map((cells) => cells.map(quote).join(','));
    // A byte order mark, so Excel on Windows reads Kazakh and Russian headers as UTF-8.
    saveFile(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }), `${kind}-template.csv`);
  };

  return (
    <div className="desk">
      <h1>{t('title')}</h1>
      <p className="hint">{t('hint')}</p>
      <form className="panel" onSubmit={(event) => void run(event)} aria-labelledby="import-heading">
        <h2 id="import-heading">{t('heading')}</h2>
        <div className="row">
          <label>
            {t('kind')}
            <select id="field-kind" value={kind} disabled={busy} onChange={(event) => (setKind(event.target.value as ImportKindName), setProgress({ phase: 'idle' }))}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('file')}
            <input
              id="field-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(event) => (setFile(event.target.files?.[0] ?? null), setProgress({ phase: 'idle' }))}
            />
          </label>
        </div>
        <label className="inline">
          <input id="field-validOnly" type="checkbox" checked={validOnly} disabled={busy} onChange={(event) => setValidOnly(event.target.checked)} />
          {t('validOnly')}
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || busy}>
            {t('start')}
          </button>
          <button type="button" onClick={template}>
            {t('template')}
          </button>
        </div>
        <ImportProgress progress={progress} language={language} />
      </form>
      <Problems progress={progress} layout={layout} language={language} />
      <details className="panel">
        <summary>{t('columns')}</summary>
        <p className="hint">{t('columnsHint')}</p>
        <table>
          <caption className="visually-hidden">{t('columns')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('takes.heading')}</th>
            </tr>
          </thead>
          <tbody>
            {layout.columns.map((column) => (
              <tr key={column.field}>
                <th scope="row">{column.headers[language]}</th>
                <td>
                  {column.vocabulary
                    ? t(`takes.${column.kind}`, { values: Object.values((i18n.getResourceBundle(language, 'enums') as Record<string, Record<string, string>>)[column.vocabulary] ?? {}).join(', ') })
                    : t(`takes.${column.kind}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function ImportProgress({ progress, language }: { progress: Progress; language: Language }) {
  const { t } = useTranslation('import');
  if (progress.phase === 'idle') return null;
  if (progress.phase === 'failed')
    return progress.message ? (
      <div className="error-summary" role="alert">
        <p>{progress.message}</p>
      </div>
    ) : (
      <ErrorSummary error={progress.error} labels={{}} />
    );
  if (progress.phase === 'reading') return <p role="status">{t('reading')}</p>;
  if (progress.phase === 'checking' || progress.phase === 'storing')
    return (
      <div>
        <progress id="import-progress" max={progress.total} value={progress.done} aria-label={t('progress')} />
        <p role="status">{t(progress.phase, { done: formatNumber(progress.done, language), total: formatNumber(progress.total, language) })}</p>
      </div>
    );
  if (progress.phase === 'refused')
    return (
      <div className="error-summary" role="alert">
        <p>{t('refused', { rows: formatNumber(new Set(progress.problems.map((p) => p.row)).size, language), total: formatNumber(progress.total, language) })}</p>
      </div>
    );
  if (progress.phase !== 'done') return null;
  return (
    <p className="success" role="status">
      {t('done', {
        imported: formatNumber(progress.imported, language),
        already: formatNumber(progress.already, language),
        left: formatNumber(new Set(progress.problems.map((p) => p.row)).size, language),
      })}
    </p>
  );
}

/** The rows that cannot be imported: row number, the column by its header in the reader's language, and why. */
function Problems({ progress, layout, language }: { progress: Progress; layout: ImportLayout; language: Language }) {
  const { t } = useTranslation(['import', 'common']);
  const problems = progress.phase === 'refused' || progress.phase === 'done' ? progress.problems : [];
  if (problems.length === 0) return null;
  const columnOf = (field: string) => {
    const [name, ...rest] = field.split('.');
    const header = layout.columns.find((column) => column.field === name)?.headers[language] ?? name;
    return rest.length > 0 ? `${header} (${rest.join('.')})` : header;
  };
  return (
    <section className="panel" aria-labelledby="problems-heading">
      <h2 id="problems-heading">{t('problems.heading')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('problems.row')}</th>
            <th scope="col">{t('column')}</th>
            <th scope="col">{t('problems.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, 200).map((problem, index) => (
            <tr key={`${problem.row}-${problem.field}-${index}`}>
              <td>{problem.row}</td>
              <td>{columnOf(problem.field)}</td>
              <td>{language === 'en' ? problem.message : t(`common:errors.field.${problem.code ?? 'rule'}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 200 && <p>{t('problems.more', { rows: formatNumber(problems.length - 200, language) })}</p>}
    </section>
  );
}
