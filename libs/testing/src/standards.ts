import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from './service-process';

/**
 * What the official SDMX-JSON 1.0 data message schema (vendored in docs/standards) finds wrong with
 * a message: none when it is valid. The schema is JSON Schema draft 4, hence ajv-draft-04.
 */
export const sdmxDataMessageProblems = schemaProblems('docs/standards/sdmx-json/1.0/sdmx-json-data-schema.json');

/** The same for the official SDMX-JSON 1.0 structure message schema: what a data structure definition gets wrong. */
export const sdmxStructureMessageProblems = schemaProblems('docs/standards/sdmx-json/1.0/sdmx-json-structure-schema.json');

function schemaProblems(schema: string): (message: unknown) => string[] {
  let validate: ReturnType<Ajv['compile']> | undefined;
  return (message) => {
    if (!validate) {
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, schema), 'utf8')) as object);
    }
    return validate(message) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
  };
}

const ADX_SCHEMAS = ['adx_loose.xsd', 'sdmx/SDMXCommon.xsd', 'sdmx/SDMXCommonReferences.xsd', 'sdmx/xml.xsd'];

/** What the ADX schema (IHE QRPH, vendored in docs/standards/adx) finds wrong with a document: none when valid. libxml2's xmllint, as WebAssembly. */
export async function adxProblems(document: string): Promise<string[]> {
  const { validateXML } = await import('xmllint-wasm');
  const [main, ...dependencies] = ADX_SCHEMAS.map((file) => ({ fileName: file, contents: readFileSync(path.join(repoRoot, 'docs/standards/adx', file), 'utf8') }));
  const result = await validateXML({ xml: [{ fileName: 'export.adx.xml', contents: document }], schema: [main!], preload: dependencies });
  return result.valid ? [] : result.errors.map((error) => error.message);
}
