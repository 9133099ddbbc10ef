import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestOffers } from '../src/modules/catalog/catalog.service.ts';
import { importCsv } from '../src/modules/imports/csv-import.ts';
import { CsvError } from '../src/modules/imports/csv.ts';
import { AppError } from '../src/platform/errors.ts';
import { isTimestamp } from '../src/platform/values.ts';
import { engines, errorOf, ops, startTestApp, type TestApp } from './helpers.ts';
import { createTransactSeller } from './eligibility-helpers.ts';

/**
 * One write path per entity: the API, bulk ingest and the CSV import take and refuse the same values,
 * because they share the rules (catalog's offerProblems, the vocabulary's patterns and isTimestamp).
 */
const TIMESTAMPS: [string, boolean][] = [
  ['2026-01-31T12:00:00Z', true],
  ['2026-01-31T12:00:00.123Z', true],
  ['2026-01-31T13:00:00+01:00', true],
  ['2024-02-29T00:00:00Z', true],
  ['2026-01-31T12:00:00', false], // no zone: it would be read in some machine's zone
  ['2026-01-31', false],
  ['2025-02-29T00:00:00Z', false], // 2025 is no leap year
  ['2025-04-31T00:00:00Z', false],
  ['2025-01-30T25:00:00Z', false],
  ['0000-01-01T00:00:00Z', false], // PostgreSQL has no year 0
  ['yesterday', false],
];

describe('isTimestamp', () => {
  for (const [value, valid] of TIMESTAMPS) {
    it(`${valid ? 'takes' : 'refuses'} ${value}`, () => assert.equal(isTimestamp(value), valid));
  }
});

for (const engine of engines()) {
  describe(`one write path per entity (${engine.name})`, () => {
    let t: TestApp;
    let dir: string;
    before(async () => {
      t = await startTestApp(engine);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewards-paths-'));
    });
    after(async () => {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const csv = (name: string, lines: string[]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    };

    it('a delisted offer without delistedAt is refused by the API, bulk ingest and the CSV import alike', async () => {
      const seller = await createTransactSeller(t);
      const profile = seller.profile;
      const offer = { publisherProfileId: profile, name: 'Delisted', listingType: 'trial', status: 'delisted', liveAt: '2026-01-01T00:00:00Z', delistedAt: null };

      const api = await ops(t, 'PUT', `/api/v1/ops/offers/o-paths-api-${seller.mpnId}`, offer);
      assert.equal(api.statusCode, 422, api.body);
      assert.equal(errorOf(api).fields?.delistedAt?.code, 'DELISTED_AT_REQUIRED');

      await assert.rejects(
        ingestOffers(t.database.db, [{ id: `o-paths-bulk-${seller.mpnId}`, ...offer, listingType: 'trial' as const, status: 'delisted' as const }], 'now'),
        (error: unknown) => error instanceof AppError && error.options.fields?.['items.0.delistedAt']?.code === 'DELISTED_AT_REQUIRED',
      );

      const file = csv('offers.csv', [
        'id,publisherProfileId,name,listingType,status,liveAt,delistedAt',
        `o-paths-csv-${seller.mpnId},${profile},Delisted,trial,delisted,2026-01-01T00:00:00Z,`,
      ]);
      await assert.rejects(importCsv(t.database, 'offers', file), (error: unknown) => error instanceof CsvError && /delistedAt/.test(error.message));

      const stored = await t.database.db.selectFrom('offers').select('id').where('id', 'like', `o-paths-%-${seller.mpnId}`).execute();
      assert.deepEqual(stored, [], 'no write path stored the offer');
    });

    it('the API and the CSV import take and refuse the same timestamps', async () => {
      const seller = await createTransactSeller(t);
      for (const [index, [billedAt, valid]] of TIMESTAMPS.entries()) {
        const id = `s-paths-${index}-${seller.mpnId}`;
        const api = await ops(t, 'POST', '/api/v1/ops/billed-sales', { items: [{ id: `${id}-api`, offerId: seller.offer, amountUsd: '1.00', billedAt, status: 'billed' }] });
        assert.equal(api.statusCode, valid ? 200 : 422, `API, ${billedAt}: ${api.body}`);
        if (!valid) assert.equal(errorOf(api).fields?.['items.0.billedAt']?.code, 'FORMAT_INVALID', billedAt);

        const file = csv(`sales-${index}.csv`, ['id,offerId,amountUsd,billedAt,status', `${id}-csv,${seller.offer},1.00,${billedAt},billed`]);
        const imported = importCsv(t.database, 'sales', file);
        if (valid) await assert.doesNotReject(imported, `CSV, ${billedAt}`);
        else await assert.rejects(imported, (error: unknown) => error instanceof CsvError && error.line === 2, `CSV, ${billedAt}`);
      }
    });
  });
}
