// Preload for test/startup.test.ts: `node --require ./test/helpers/record-loads.cjs …`
// with QARI_LOAD_LOG=<file> appends the file URL of every CommonJS module the
// program loads to the file (record-loads.mjs does the same for ES modules),
// and of every script compiled with vm.Script (bin/load-bundle.js loads the
// CLI bundle so), followed by ` code-cache` when it was given a code cache V8
// accepted, ` code-cache-rejected` when V8 refused it.
'use strict';
const Module = require('node:module');
const {appendFileSync} = require('node:fs');
const {pathToFileURL} = require('node:url');
const vm = require('node:vm');

const log = process.env.QARI_LOAD_LOG;
if (log) {
	const load = Module._load;
	Module._load = function (request, parent, isMain, ...rest) {
		try {
			if (!Module.isBuiltin(request)) appendFileSync(log, `${pathToFileURL(Module._resolveFilename(request, parent, isMain)).href}\n`);
		} catch {
			// Not resolvable: the load below reports it.
		}
		return load.call(this, request, parent, isMain, ...rest);
	};

	const Script = vm.Script;
	vm.Script = class extends Script {
		constructor(code, options) {
			super(code, options);
			const file = typeof options === 'object' && options.filename ? options.filename : '';
			if (file)
				appendFileSync(log, `${pathToFileURL(file).href}${options.cachedData ? (this.cachedDataRejected ? ' code-cache-rejected' : ' code-cache') : ''}\n`);
		}
	};
}
