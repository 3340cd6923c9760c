import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '@qorgau/testing';

/**
 * Requests generated from the services' committed OpenAPI documents with fast-check: bodies and
 * query strings that follow each schema loosely — right values, wrong types, out-of-range numbers,
 * oversized strings, missing and unknown fields — for every operation.
 */
export const FUZZED_SERVICES = ['intake', 'legal', 'psychology', 'social', 'outreach', 'statistics', 'projection'] as const;
export type FuzzedService = (typeof FUZZED_SERVICES)[number];

interface Schema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface FuzzRequest {
  readonly service: FuzzedService;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /** True when the request carries an unknown field, so every strict schema must refuse it. */
  readonly surelyInvalid: boolean;
}

const noise = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
  fc.constant('=cmd|"/c calc"!A0'),
  fc.constant([]),
  fc.constant({}),
);

/** A value for a schema: usually a fitting one, sometimes anything at all. */
function valueOf(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return noise;
  const alternatives = schema.anyOf ?? schema.oneOf;
  const fitting: fc.Arbitrary<unknown> = alternatives
    ? fc.oneof(...alternatives.map((s) => valueOf(s, depth + 1)))
    : schema.enum
      ? fc.constantFrom(...schema.enum)
      : schema.type === 'string' && schema.format === 'date-time'
        ? fc.oneof(
            fc.date({ min: new Date('2019-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
            fc.constant('2026-13-45T99:00:00Z'),
          )
        : schema.type === 'string' && schema.format === 'uuid'
          ? fc.uuid()
          : schema.type === 'string'
            ? fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: (schema.maxLength ?? 200) + 1, maxLength: (schema.maxLength ?? 200) + 2 }))
            : schema.type === 'integer' || schema.type === 'number'
              ? fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1000, 1_000_000) }), fc.constantFrom(-1, 0, 1e12, 0.5))
              : schema.type === 'boolean'
                ? fc.boolean()
                : schema.type === 'array'
                  ? fc.array(valueOf(schema.items, depth + 1), { maxLength: 4 })
                  : schema.type === 'object' || schema.properties
                    ? objectOf(schema, depth + 1)
                    : noise;
  return fc.oneof({ weight: 8, arbitrary: schema.nullable ? fc.oneof(fitting, fc.constant(null)) : fitting }, { weight: 1, arbitrary: noise });
}

function objectOf(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, valueOf(property, depth)]));
  return fc.record(shape, { requiredKeys: schema.required ?? [] }).chain((value) =>
    // Sometimes drop a required field.
    fc.boolean().map((drop) => (drop && schema.required?.length ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== schema.required![0])) : value)),
  );
}

/** Every operation of one service's committed document, as arbitraries of requests. */
export function requestsOf(service: FuzzedService): fc.Arbitrary<FuzzRequest>[] {
  const document = JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'openapi', `${service}.json`), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations)
      .filter(([method]) => method === 'get' || method === 'post')
      .map(([method, operation]) => {
        const pathArbitrary = fc.constant(template).map((t) => t.replace(/\{[^}]+\}/g, () => randomUUID()));
        const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
        const queryArbitrary = fc.record(Object.fromEntries(query.map((p) => [p.name, valueOf(p.schema)])), { requiredKeys: [] }).map((params) => {
          const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]));
          return search.size ? `?${search}` : '';
        });
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        if (method === 'get') return fc.tuple(pathArbitrary, queryArbitrary).map(([p, q]): FuzzRequest => ({ service, method: 'GET', path: p + q, surelyInvalid: false }));
        return fc.tuple(pathArbitrary, bodySchema ? objectOf(bodySchema, 0) : fc.constant({}), fc.boolean()).map(([p, body, poison]): FuzzRequest => ({
          service,
          method: 'POST',
          path: p,
          // The unknown field makes any strict body schema refuse the request before anything is stored.
          body: poison && bodySchema ? { ...body, __fuzz: 'unknown field' } : body,
          surelyInvalid: poison && bodySchema !== undefined,
        }));
      }),
  );
}
