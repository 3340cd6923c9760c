import { createHash } from 'node:crypto';
import { z } from 'zod';
import { applyDecorators, BadRequestException, HttpCode, Injectable, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation } from '@nestjs/swagger';
import type { AuditActor } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';
import type { Decision, RuleViolation } from '@qorgau/domain';
import type { SqlClient } from '@qorgau/messaging';
import { ApiZodBody, ApiZodResponse, fieldProblems, type FieldProblem, type RequestContext } from '@qorgau/platform';
import { Commands, type CommandOutcome } from './commands';

/**
 * Past work brought in from spreadsheets (`npm run import`): a file is sent in chunks of rows, each
 * row checked by the very schema and decider of the one-record API and stored through the same
 * command (audit trail, outbox, events), so an import is no second way in.
 */
export const IMPORT_CHUNK_ROWS = 1000;

export const importRequest = z
  .object({
    check: z.boolean().default(false).describe('Only check the rows: nothing is stored'),
    validOnly: z.boolean().default(false).describe('Store the valid rows and report the others; by default a chunk with a bad row stores nothing'),
    rows: z
      .array(
        z
          .object({
            row: z.number().int().min(1).describe('The row number in the file, as the person sees it'),
            sourceId: z.string().trim().min(1).max(200).optional().describe("The record's id in the file, if it has one: the row's identity"),
            data: z.record(z.string(), z.unknown()).describe('The row, as the one-record API takes it'),
          })
          .strict(),
      )
      .min(1)
      .max(IMPORT_CHUNK_ROWS),
  })
  .strict();
export type ImportRequest = z.output<typeof importRequest>;

const rowProblem = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string().describe('In English'),
  code: z
    .enum(['required', 'unknown_field', 'invalid_type', 'invalid_value', 'invalid_format', 'too_big', 'too_small', 'rule'])
    .optional()
    .describe('What kind of problem, for clients that word it in the reader’s language'),
});
export type RowProblem = z.output<typeof rowProblem>;

export const importResult = z.object({
  checked: z.number().int().describe('Rows checked'),
  imported: z.number().int().describe('Rows stored now'),
  alreadyImported: z.number().int().describe('Rows stored by an earlier import of the same file, left as they are'),
  problems: z.array(rowProblem).describe('Each row that cannot be stored: its number, the field at fault and why'),
});
export type ImportResult = z.output<typeof importResult>;

/** Keys in a fixed order, so the same row always hashes alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The id a row is stored under, from its identity: its sourceId when the file has one, else its whole
 * content. Importing the same file again finds every row already there. (Two rows alike in every
 * column are one record unless the file tells them apart with a source id.)
 */
export function rowId(kind: string, row: Pick<ImportRequest['rows'][number], 'sourceId' | 'data'>): string {
  const hash = createHash('sha256')
    .update(`${kind}\n${row.sourceId !== undefined ? `source:${row.sourceId}` : canonical(row.data)}`)
    .digest();
  // Shaped as an RFC 4122 name-based UUID (version 5 bits, variant 10).
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A row read by the one-record schema: its value, or its problems named by field. */
export function readRow<S extends z.ZodType>(schema: S, row: ImportRequest['rows'][number]): { value: z.output<S> } | { problems: RowProblem[] } {
  const parsed = schema.safeParse(row.data);
  if (parsed.success) return { value: parsed.data };
  return { problems: fieldProblems(parsed.error).map((problem: FieldProblem) => ({ row: row.row, field: problem.field, message: problem.message, ...(problem.code ? { code: problem.code } : {}) })) };
}

/** A decider's refusal of a row, as the row's problems. */
export const refusedRow = (row: number, violations: readonly RuleViolation[]): RowProblem[] =>
  violations.map((violation) => ({ row, field: violation.field ?? '(row)', message: violation.message, code: 'rule' }));

/** A chunk refused for its bad rows: 400 naming each row and field (as `fields` too, like any 400); nothing was stored. */
export function rowsRefused(problems: readonly RowProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `${new Set(problems.map((p) => p.row)).size} row(s) cannot be imported, nothing was stored: ${problems
      .slice(0, 5)
      .map((p) => `row ${p.row} ${p.field}: ${p.message}`)
      .join('; ')}`,
    fields: problems.map((p) => ({ field: `rows.${p.row}.${p.field}`, message: p.message, ...(p.code ? { code: p.code } : {}) })),
    problems,
  });
}

/** One kind of record a service imports: its one-record schema and decider, and how a chunk is stored. */
export interface ImportKind<Tx extends SqlClient, Value, Decided> {
  /** Names the kind in each row's id, so rows of two kinds never share one. */
  readonly name: string;
  readonly schema: z.ZodType<Value>;
  regionOf(value: Value): RegionCode;
  /** The one-record API's decider, with the row's id. */
  decide(id: string, value: Value, now: Date): Decision<Decided>;
  /** Which of these ids are stored already (by an earlier import of the same rows). */
  stored(ids: readonly string[]): Promise<readonly string[]>;
  /** Stores a chunk's accepted rows in the transaction; the outcome of each is announced (and audited) as one record's. */
  store(tx: Tx, rows: readonly { readonly id: string; readonly decided: Decided }[]): Promise<(CommandOutcome<unknown> & { readonly recordId: string })[]>;
  /** Audited under this type and use case; outreach's records, which name nobody, are not. */
  readonly audit?: { readonly type: string; readonly operation: string };
}

/**
 * A chunk of a spreadsheet's rows (npm run import, the web's upload), the same way for every kind:
 * each row read by the one-record schema and decider, of the importer's own region, stored under an
 * id from the row's identity (so a file imported twice stores each record once) and announced as if
 * recorded one by one. A chunk with a bad row stores nothing (400 naming each row and field) unless
 * `validOnly`; with `check`, nothing is stored and the problems are the answer.
 */
@Injectable()
export class Imports<Tx extends SqlClient = SqlClient> {
  constructor(private readonly commands: Commands<Tx>) {}

  async run<Value, Decided>(kind: ImportKind<Tx, Value, Decided>, request: ImportRequest, context: RequestContext, importer: AuditActor): Promise<ImportResult> {
    const problems: RowProblem[] = [];
    const accepted: { id: string; decided: Decided }[] = [];
    for (const row of request.rows) {
      const read = readRow(kind.schema, row);
      if ('problems' in read) {
        problems.push(...read.problems);
        continue;
      }
      // People import the work of their own office, as they record it.
      if (importer.region && kind.regionOf(read.value) !== importer.region) {
        problems.push({ row: row.row, field: 'region', message: `is not your region (${importer.region})`, code: 'rule' });
        continue;
      }
      const id = rowId(kind.name, row);
      const decision = kind.decide(id, read.value, context.now);
      if (decision.ok) accepted.push({ id, decided: decision.value });
      else problems.push(...refusedRow(row.row, decision.violations));
    }
    // A refused chunk is refused before anything is looked up in the database.
    if (problems.length > 0 && !request.check && !request.validOnly) throw rowsRefused(problems);
    const known = new Set(await kind.stored(accepted.map((a) => a.id)));
    // A row twice in the file is one record, as it would be imported twice.
    const fresh = accepted.filter((a) => !known.has(a.id) && (known.add(a.id), true));
    const result = { checked: request.rows.length, imported: 0, alreadyImported: accepted.length - fresh.length, problems };
    if (request.check || fresh.length === 0) return result;
    await this.commands.runBatch(context, kind.audit ? { actor: importer, action: 'CREATE', ...kind.audit } : null, fresh, (tx, rows) => kind.store(tx, rows));
    return { ...result, imported: fresh.length };
  }
}

/** `POST <path>` (ending in /import) of a kind, documented alike everywhere: `what` is "calls", "consultations"…; `each` how a row is taken. */
export const ImportEndpoint = (path: `${string}import`, what: string, each: string) =>
  applyDecorators(
    Post(path),
    HttpCode(200),
    ApiOperation({
      summary: `Import past ${what} from a spreadsheet, a chunk of up to ${IMPORT_CHUNK_ROWS} rows at a time (npm run import, or the web's upload)`,
      description: `${each} Rows of your own region only. A row's id comes from its sourceId or its content: importing the same file again stores nothing twice. With check, nothing is stored; a chunk with a bad row stores nothing (400 naming each row and field) unless validOnly.`,
    }),
    ApiZodBody(importRequest),
    ApiZodResponse(200, importResult, 'What was checked, stored now, stored before, and each row that cannot be'),
    ApiBadRequestResponse({ description: 'Rows that cannot be imported, each with its number and field; nothing was stored' }),
  );
