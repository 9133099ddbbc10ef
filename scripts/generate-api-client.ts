// Regenerates web/src/api/schema.gen.ts from the app's OpenAPI document: `npm run generate:api`.
import fs from 'node:fs';
import path from 'node:path';
import { renderApiTypes, API_TYPES_PATH } from './api-client.ts';

const contents = await renderApiTypes();
fs.writeFileSync(API_TYPES_PATH, contents);
console.log(`wrote ${path.relative(process.cwd(), API_TYPES_PATH)} (${contents.length} bytes)`);
