// Loads a CommonJS bundle as require would, but compiled with the V8 code
// cache written next to it at build time (`<bundle>.cache`, by
// scripts/build/build.mjs through writeCodeCache): V8 then skips parsing and
// compiling what the cache holds, about 6 ms of each start of the CLI bundle.
// Without a cache it is a plain require; a cache V8 refuses (another Node
// version, other V8 flags) is ignored by V8 itself, and the bundle compiles
// as usual.
//
// A bundle loaded this way must not use import(): V8 cannot attach a dynamic
// import handler to code from a cache. bin/qari.js does the CLI's one import
// (the reader) for it.
'use strict';
const {readFileSync, writeFileSync} = require('node:fs');
const Module = require('node:module');
const {dirname} = require('node:path');
const vm = require('node:vm');

function compile(file, cachedData) {
	return new vm.Script(Module.wrap(readFileSync(file, 'utf8')), cachedData ? {filename: file, cachedData} : {filename: file});
}

function run(script, file) {
	const module = {exports: {}, filename: file, id: file, loaded: false};
	script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
	module.loaded = true;
	return module.exports;
}

/** The bundle's exports, compiled with its code cache when it has one. */
exports.loadBundle = (file) => {
	let cachedData;
	try {
		cachedData = readFileSync(`${file}.cache`);
	} catch {
		return require(file);
	}
	return run(compile(file, cachedData), file);
};

/**
 * Compiles and runs the bundle, awaits `warm(exports)` (so the functions it
 * calls are compiled too), then writes the code cache next to the bundle.
 */
exports.writeCodeCache = async (file, warm) => {
	const script = compile(file);
	await warm(run(script, file));
	writeFileSync(`${file}.cache`, script.createCachedData());
};
