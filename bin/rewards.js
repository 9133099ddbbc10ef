#!/usr/bin/env node
// The `rewards` command: the built code in dist/ when present, else the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/node/src/cli/main.js', import.meta.url);
let main;
if (existsSync(built)) {
  ({ main } = await import(built.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(new URL('../src/cli/main.ts', import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
