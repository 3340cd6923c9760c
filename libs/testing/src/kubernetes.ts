import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './service-process';

/** A Kubernetes object as kustomize prints it. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
  readonly [field: string]: unknown;
}

const SCHEMAS = path.join(repoRoot, 'docs/standards/kubernetes');

/** Every object of an overlay (or of any kustomization folder), as `kubectl kustomize` builds it. */
export function kustomize(folder: string): KubernetesObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', folder], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const detail =
      (error as { code?: string; stderr?: string }).code === 'ENOENT'
        ? 'kubectl is not installed (it carries kustomize; version 1.27 or newer)'
        : String((error as { stderr?: string }).stderr ?? error);
    throw new Error(`kubectl kustomize ${folder} failed: ${detail}`);
  }
  return yamlObjects(output);
}

/** The objects of a YAML stream, leaving out empty documents. */
export const yamlObjects = (text: string): KubernetesObject[] =>
  parseAllDocuments(text)
    .map((document) => document.toJS() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);

type Schema = Record<string, unknown>;

/**
 * As kubeconform's strict mode: an object schema that lists its properties allows no others, so a
 * misspelt field fails instead of being silently dropped by the API server (or pruned by a CRD's
 * structural schema). OpenAPI's int-or-string and quantity formats become what they accept.
 */
function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== 'object') return node;
  const schema = Object.fromEntries(
    Object.entries(node as Schema).map(([key, value]) => [key, key === 'enum' || key === 'required' || key === 'example' || key === 'default' ? value : strict(value)]),
  ) as Schema;
  if (schema['format'] === 'int-or-string' || schema['x-kubernetes-int-or-string'] === true) return { anyOf: [{ type: 'string' }, { type: 'integer' }] };
  if (schema['properties'] && schema['additionalProperties'] === undefined && schema['x-kubernetes-preserve-unknown-fields'] !== true) schema['additionalProperties'] = false;
  return schema;
}

let validators: Map<string, { validate: ValidateFunction; metadata: ValidateFunction }> | undefined;

function loadValidators(): Map<string, { validate: ValidateFunction; metadata: ValidateFunction }> {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const core = JSON.parse(readFileSync(path.join(SCHEMAS, 'kubernetes-v1.36.json'), 'utf8')) as {
    resources: { apiVersion: string; kind: string; definition: string }[];
    definitions: Record<string, Schema>;
  };
  const definitions = strict(core.definitions) as Record<string, Schema>;
  definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'] = { anyOf: [{ type: 'string' }, { type: 'number' }] };
  ajv.addSchema({ $id: 'kubernetes.json', definitions });
  const metadata = ajv.getSchema('kubernetes.json#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta')!;
  const found = new Map<string, { validate: ValidateFunction; metadata: ValidateFunction }>();
  for (const resource of core.resources) found.set(`${resource.apiVersion} ${resource.kind}`, { validate: ajv.getSchema(`kubernetes.json#/definitions/${resource.definition}`)!, metadata });
  for (const group of readdirSync(path.join(SCHEMAS, 'crds'))) {
    for (const file of readdirSync(path.join(SCHEMAS, 'crds', group))) {
      const crd = JSON.parse(readFileSync(path.join(SCHEMAS, 'crds', group, file), 'utf8')) as { apiVersion: string; kind: string; schema: Schema };
      // A custom resource's metadata is Kubernetes' ObjectMeta, whatever its own schema says of it.
      const properties = { ...(crd.schema['properties'] as Schema), metadata: { type: 'object' } };
      found.set(`${crd.apiVersion} ${crd.kind}`, { validate: ajv.compile(strict({ ...crd.schema, properties }) as Schema), metadata });
    }
  }
  return found;
}

/**
 * What the vendored schemas (docs/standards/kubernetes: Kubernetes v1.36 and the CRDs of Strimzi,
 * CloudNativePG, its Barman Cloud plugin and Gateway API) find wrong with an object: none when valid.
 * An object of a kind with no vendored schema is a problem too.
 */
export function kubernetesSchemaProblems(object: KubernetesObject): string[] {
  validators ??= loadValidators();
  const where = `${object.kind} ${object.metadata?.name}`;
  const validator = validators.get(`${object.apiVersion} ${object.kind}`);
  if (!validator) return [`${where}: no vendored schema for ${object.apiVersion} ${object.kind}`];
  const problems: string[] = [];
  for (const [validate, value, prefix] of [
    [validator.validate, object, ''],
    [validator.metadata, object.metadata, '/metadata'],
  ] as const) {
    if (!validate(value)) {
      for (const error of validate.errors ?? []) {
        const extra = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})` : '';
        problems.push(`${where}: ${prefix}${error.instancePath || '/'} ${error.message ?? ''}${extra}`);
      }
    }
  }
  return problems;
}
