// Preload for test/startup.test.ts: `node --require ./test/helpers/record-loads.cjs …`
// with QARI_LOAD_LOG=<file> appends the file URL of every CommonJS module the
// program loads to the file (record-loads.mjs does the same for ES modules).
'use strict';
const Module = require('node:module');
const {appendFileSync} = require('node:fs');
const {pathToFileURL} = require('node:url');

const log = process.env.QARI_LOAD_LOG;
if (log) {
	const load = Module._load;
	Module._load = function (request, parent, isMain) {
		try {
			if (!Module.isBuiltin(request)) appendFileSync(log, `${pathToFileURL(Module._resolveFilename(request, parent, isMain)).href}\n`);
		} catch {
			// Not resolvable: the load below reports it.
		}
		return load.apply(this, arguments);
	};
}
