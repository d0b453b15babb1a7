#!/usr/bin/env node
// Entry point: loads the CLI bundle built by `npm install` (scripts/build.mjs).
// CommonJS on purpose (bin/package.json says so): Node 20 starts a CommonJS
// program without setting up its ES module loader, about 10 ms of every run.
'use strict';
const {existsSync} = require('node:fs');
const {join} = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(cli)) {
	process.stderr.write("qari: not built yet: run 'npm install' (or 'npm run build') first\n");
	process.exit(1);
}
require(cli).main(process.argv.slice(2));
