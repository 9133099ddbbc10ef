import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { projectRoot } from '../src/platform/paths.ts';
import { buildOpenApiDocument } from '../src/server/openapi-document.ts';

export const API_TYPES_PATH = path.join(projectRoot, 'web', 'src', 'api', 'schema.gen.ts');

/** The TypeScript types of the API, as openapi-typescript renders them from the served document. */
export async function renderApiTypes(): Promise<string> {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return `// Generated from /api/openapi.json by \`npm run generate:api\`. Do not edit.\n${astToString(ast)}`;
}
