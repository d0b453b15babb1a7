#!/usr/bin/env node
// Entry point: loads the CLI bundle built by `npm install` (scripts/build/build.mjs).
// CommonJS on purpose (bin/package.json says so): Node 20 starts a CommonJS
// program without setting up its ES module loader, about 10 ms of every run.
// The bundle is compiled from its V8 code cache (load-bundle.js).
'use strict';
const {existsSync} = require('node:fs');
const {join} = require('node:path');
const {loadBundle} = require('./load-bundle.js');

const cli = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(cli)) {
	process.stderr.write("qari: not built yet: run 'npm install' (or 'npm run build') first\n");
	process.exit(1);
}
// The reader (Ink, React) is an ES module bundle, imported only to read.
// Standard output and error from the bundle: process.stdout and process.stderr
// only where needed (src/cli/standard-output.ts).
const {main, standardIo} = loadBundle(cli);
main(process.argv.slice(2), standardIo(), {importReader: () => import('../dist/reader.js')});
