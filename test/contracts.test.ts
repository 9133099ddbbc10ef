import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { API_TYPES_PATH, renderApiTypes } from '../scripts/api-client.ts';
import { hasMessage, LOCALES, t, type MessageId } from '../src/platform/i18n/i18n.ts';
import { ERROR_STATUS } from '../src/platform/http/error-status.ts';
import { buildOpenApiDocument } from '../src/server/openapi-document.ts';

const catalog = (locale: string) =>
  JSON.parse(fs.readFileSync(new URL(`../locales/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;

describe('contracts between the server, the web client and the catalogs', () => {
  it('the committed web API client matches the OpenAPI document the server serves', async () => {
    const committed = fs.readFileSync(API_TYPES_PATH, 'utf8');
    const fresh = await renderApiTypes();
    assert.ok(committed === fresh, 'web/src/api/schema.gen.ts is out of date: run "npm run generate:api" and commit it');
  });

  it('the OpenAPI document is 3.1 and every operation has a summary and declared responses', async () => {
    const document = (await buildOpenApiDocument()) as { openapi: string; paths: Record<string, Record<string, { summary?: string; responses?: object }>> };
    assert.equal(document.openapi, '3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    assert.ok(operations.length >= 15, `only ${operations.length} operations`);
    for (const { path, method, operation } of operations) {
      assert.ok(operation.summary, `${method} ${path} has no summary`);
      assert.ok(operation.responses && Object.keys(operation.responses).length > 0, `${method} ${path} declares no responses`);
    }
  });

  it('every message id exists in every catalog, and every catalog has the same ids', () => {
    const [first, ...others] = LOCALES.map((locale) => ({ locale, ids: Object.keys(catalog(locale)).sort() }));
    for (const other of others) {
      const missing = first!.ids.filter((id) => !other.ids.includes(id));
      const extra = other.ids.filter((id) => !first!.ids.includes(id));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${other.locale} differs from ${first!.locale}`);
    }
  });

  it('every catalog message is a valid ICU message and no translation is left empty or in English by mistake', () => {
    const english = catalog('en-US');
    const dutch = catalog('nl-NL');
    for (const id of Object.keys(english)) {
      // Every argument the message names gets a number, which any ICU argument type accepts.
      const values = Object.fromEntries([...english[id]!.matchAll(/\{(\w+)/g)].map((m) => [m[1]!, 2]));
      for (const locale of LOCALES) assert.doesNotThrow(() => t(locale, id as MessageId, values), id);
      assert.ok(dutch[id]!.trim().length > 0, `${id} is empty in nl-NL`);
    }
    // Words that would need translating: placeholders and the product's name are the same in every language.
    const words = (text: string) => text.replace(/\{[^{}]*\}/g, ' ').replace(/Marketplace Rewards/g, ' ').split(/\s+/).filter((word) => /\p{L}/u.test(word));
    const identical = Object.keys(english).filter((id) => english[id] === dutch[id] && words(english[id]!).length > 2);
    assert.deepEqual(identical, [], 'sentences identical in English and Dutch');
  });

  it('every error code has a message in the catalogs', () => {
    for (const code of Object.keys(ERROR_STATUS)) assert.ok(hasMessage(`error.${code}`), `error.${code} has no message`);
  });
});
