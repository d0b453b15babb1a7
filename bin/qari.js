#!/usr/bin/env node
// Entry point: loads the bundled CLI built by `npm install` (scripts/build.mjs).
import {existsSync} from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
	process.stderr.write("qari: not built yet: run 'npm install' (or 'npm run build') first\n");
	process.exit(1);
}
const {main} = await import(cli.href);
await main(process.argv.slice(2));
