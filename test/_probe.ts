import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildOpenApiDocument } from '../src/server/openapi-document.ts';
const doc = await buildOpenApiDocument();
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
const by: Record<string, number> = {};
for (const p of problems) { const k = `${p.severity} ${p.ruleId}`; by[k] = (by[k] ?? 0) + 1; }
console.log(by);
for (const p of problems.slice(0, 12)) console.log(p.severity, p.ruleId, p.message, p.location[0]?.pointer);
