// Writes dist/cli.cjs.cache, the V8 code cache bin/load-bundle.js compiles the
// CLI bundle with. Run by scripts/build/build.mjs after bundling, with the Node that
// will run qari. Before the cache is taken, the bundle lists, exports and
// prints the bundled article's sections (output discarded), so the functions
// every command runs are compiled into it too.
'use strict';
const {join} = require('node:path');
const {Writable} = require('node:stream');
const {writeCodeCache} = require('../../bin/load-bundle.js');

const root = join(__dirname, '..', '..');
const article = join(root, 'content', 'assad-putin-moscow.md');
const discard = () => Object.assign(new Writable({write: (_chunk, _encoding, done) => done()}), {isTTY: false});

writeCodeCache(join(root, 'dist', 'cli.cjs'), async ({main}) => {
	const io = {stdout: discard(), stderr: discard()};
	const options = {importReader: () => Promise.reject(new Error('no reader while the cache is made'))};
	for (const argv of [
		['sections', article],
		['sections', article, '--json'],
		['export', article, '--width', '80', '--order', 'visual'],
		['export', article, '--width', '60', '--order', 'logical'],
		['list'],
	]) {
		await main(argv, io, options);
	}
	process.exitCode = 0;
}).catch((error) => {
	// No cache is no harm: the CLI compiles as usual.
	process.stderr.write(`qari build: no code cache: ${error instanceof Error ? error.message : String(error)}\n`);
});
