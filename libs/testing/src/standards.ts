import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from './service-process';

/**
 * What the official SDMX-JSON 1.0 data message schema (vendored in docs/standards) finds wrong with
 * a message: none when it is valid. The schema is JSON Schema draft 4, hence ajv-draft-04.
 */
export const sdmxDataMessageProblems = (() => {
  let validate: ReturnType<Ajv['compile']> | undefined;
  return (message: unknown): string[] => {
    if (!validate) {
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'docs/standards/sdmx-json/1.0/sdmx-json-data-schema.json'), 'utf8')) as object);
    }
    return validate(message) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
  };
})();
