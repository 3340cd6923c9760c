import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAsyncApiDocument } from './asyncapi-document';

// `npm run asyncapi`: regenerates docs/asyncapi.json from the contracts.
const target = path.resolve(process.argv[2] ?? 'docs/asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument('1.0.0'), null, 2)}\n`);
console.log(`wrote ${target}`);
