import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

// package.json's `engines` and the dependency tree agree (issue #10): every package that is installed
// runs on the oldest release of each Node.js line the project says it supports, so `npm ci` warns of
// nothing and no dependency needs a newer Node.js than the project promises. Pins and overrides in
// package.json keep it so: @fastify/cookie 11.1.0 (cookie 1; 11.1.1+ takes cookie 2, Node 22+), and
// content-disposition 2 and light-my-request 6.6 (for cookie 1) under @fastify/static and fastify.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

describe('engines', () => {
  it('every installed package runs on the oldest Node.js of each line package.json supports', () => {
    const range = (read('package.json').engines as { node: string }).node;
    // The lowest version of each line the range admits: ^20.19.0 || >=22.13.0 -> 20.19.0, 22.13.0, and 24.0.0 for the newest line.
    const oldest = range.split('||').map((part) => semver.minVersion(part.trim())!.version);
    oldest.push('24.0.0');
    assert.ok(oldest.every((version) => semver.satisfies(version, range)), `${oldest.join(', ')} within ${range}`);
    assert.ok(semver.satisfies(process.version, range), `this machine's ${process.version} is supported`);

    const lock = read('package-lock.json') as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const problems: string[] = [];
    for (const [where, info] of Object.entries(lock.packages)) {
      const needs = !Array.isArray(info.engines) ? info.engines?.node : undefined;
      // Only what npm installed: an optional package for another platform or Node.js is skipped by npm itself.
      if (!where || !needs || !fs.existsSync(path.join(root, where, 'package.json'))) continue;
      for (const version of oldest) if (!semver.satisfies(version, needs)) problems.push(`${where} needs node ${needs}, not ${version}`);
    }
    assert.deepEqual(problems, []);
  });
});
