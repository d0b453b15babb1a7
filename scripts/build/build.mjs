// Bundles qari into dist/ with esbuild. Runs on `npm install` (prepare), so
// `node bin/qari.js` works right after `npm ci`. Three bundles, each loaded only
// by the commands that need it (test/startup.test.ts checks):
//
// - dist/cli.cjs: the CLI and the core (parse, layout, export). CommonJS, as is
//   bin/qari.js (bin/package.json): Node 20 starts a CommonJS program about
//   10 ms sooner than an ES module one, because the ES module loader is never
//   set up; `sections` and `export` never need it. dist/cli.cjs.cache is its
//   V8 code cache (scripts/build/code-cache.cjs, bin/load-bundle.js).
// - dist/cli-yargs.cjs: yargs, for --help, completion and usage errors only.
// - dist/html.cjs: the web page stack (linkedom, Readability, src/parse/html),
//   for HTML input only.
// - dist/entities.cjs and dist/emoji.cjs: the table of HTML character
//   references (the `entities` package, decoded from base64 when loaded) and
//   GitHub's emoji shortcodes, each required the first time a text holds an
//   `&…;` or a `:…:` (lazyChunks below).
// - dist/reader.js (+ a chunk): the reader, Ink and React, loaded by dynamic
//   import. An ES module, because Ink's layout engine (yoga) awaits its
//   WebAssembly at the top level. It carries its own copy of the core modules
//   it uses; they hold no state the two copies would need to share.
//
// string-width 8 (imported by yargs and by Ink) is replaced by
// scripts/build/string-width-shim.ts: the same answers from qari's own width table,
// without string-width's import-time cost (a regex compile and an
// Intl.Segmenter on every start). Older copies nested under other packages
// (cliui's, wrap-ansi's) are left as they are.
//
// marked's delimiter and punctuation rules are built on first use (marked-lazy.mjs),
// and the CLI bundle is written in ASCII (asciiOnly): Node reads an ASCII
// file into a string several times faster than one with a single non-ASCII
// character, and the bundle is read on every start.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {markedLazyDelimiters} from './marked-lazy.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shim = fileURLToPath(new URL('string-width-shim.ts', import.meta.url));
const topLevelStringWidth = fileURLToPath(new URL('../../node_modules/string-width/index.js', import.meta.url));

/** Resolves `string-width` to the shim wherever it would resolve to the top-level copy. */
const stringWidthShim = {
	name: 'string-width-shim',
	setup(b) {
		b.onResolve({filter: /^string-width$/}, async (args) => {
			if (args.pluginData === 'string-width-shim') return undefined;
			const resolved = await b.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'string-width-shim'});
			if (resolved.errors.length > 0 || resolved.path !== topLevelStringWidth) return resolved;
			return {path: shim};
		});
	},
};

/** cssomnom replaced by cssomnom-stub.mjs beside this file (in dist/html.cjs: linkedom's style sheets are never read). */
const cssomnomStub = {
	name: 'cssomnom-stub',
	setup(b) {
		b.onResolve({filter: /^cssomnom(?:\/|$)/}, () => ({path: fileURLToPath(new URL('cssomnom-stub.mjs', import.meta.url))}));
	},
};

/** The CLI's yargs module, pointed at its own bundle and left out of this one. */
const bundleLinks = {
	name: 'bundle-links',
	setup(b) {
		b.onResolve({filter: /^\.\/yargs\.js$/}, () => ({path: './cli-yargs.cjs', external: true}));
		b.onResolve({filter: /^\.\.\/parse\/html\/index\.js$/}, () => ({path: './html.cjs', external: true}));
	},
};

/**
 * Modules the CLI loads only when a text needs them: each import of `module`
 * by `importer` gets a stand-in whose exports require `chunk` (a bundle of its
 * own, built from `module` below) the first time one of them is read.
 */
const lazyChunks = [
	{module: 'entities/decode', importer: 'src/parse/entities.ts', exports: ['decodeHTMLStrict'], chunk: 'entities.cjs'},
	{module: './data/emoji-shortcodes.js', importer: 'src/parse/emoji.ts', exports: ['EMOJI_SHORTCODES'], chunk: 'emoji.cjs'},
];

const lazyChunkLinks = {
	name: 'lazy-chunks',
	setup(b) {
		for (const [index, lazy] of lazyChunks.entries()) {
			const importer = `${root}${lazy.importer}`;
			b.onResolve({filter: new RegExp(`^${lazy.module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`)}, (args) =>
				args.importer === importer ? {path: String(index), namespace: 'qari-lazy'} : undefined,
			);
			b.onResolve({filter: new RegExp(`^\\./${lazy.chunk.replace('.', '\\.')}$`)}, () => ({path: `./${lazy.chunk}`, external: true}));
		}
		b.onLoad({filter: /.*/, namespace: 'qari-lazy'}, (args) => {
			const lazy = lazyChunks[Number(args.path)];
			const getters = lazy.exports.map((name) => `Object.defineProperty(exports, '${name}', {enumerable: true, get: () => load().${name}});`);
			return {contents: `let chunk;\nconst load = () => (chunk ??= require('./${lazy.chunk}'));\n${getters.join('\n')}\n`, loader: 'js', resolveDir: root};
		});
	},
};

/** Rewrites a built file in ASCII: each other UTF-16 code unit as a \\uXXXX escape (only comments and regular expressions hold any). */
function asciiOnly(file) {
	const code = readFileSync(file, 'utf8');
	writeFileSync(
		file,
		code.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
	);
}

const common = {
	absWorkingDir: root,
	bundle: true,
	platform: 'node',
	target: 'node20',
	define: {'process.env.NODE_ENV': '"production"'},
	legalComments: 'none',
	logLevel: 'warning',
};

// CommonJS has no import.meta: the bundles' own URL stands in for it. No
// import() either (code from a V8 code cache cannot run one): dynamic imports
// become requires, and the entry point imports the reader.
const commonJs = {
	...common,
	format: 'cjs',
	supported: {'dynamic-import': false},
	define: {...common.define, 'import.meta.url': '__qariUrl'},
	banner: {js: "'use strict';\nconst __qariUrl = require('node:url').pathToFileURL(__filename).href;"},
	plugins: [bundleLinks, lazyChunkLinks, stringWidthShim, markedLazyDelimiters],
};

rmSync(`${root}/dist`, {recursive: true, force: true});
await Promise.all([
	build({...commonJs, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs'}),
	build({...commonJs, entryPoints: ['src/cli/yargs.ts'], outfile: 'dist/cli-yargs.cjs'}),
	build({...commonJs, entryPoints: ['src/parse/html/index.ts'], outfile: 'dist/html.cjs', plugins: [...commonJs.plugins, cssomnomStub]}),
	...lazyChunks.map((lazy) =>
		build({
			...commonJs,
			stdin: {contents: `export {${lazy.exports.join(', ')}} from '${lazy.module}';`, resolveDir: `${root}${lazy.importer.replace(/[^/]*$/, '')}`},
			outfile: `dist/${lazy.chunk}`,
		}),
	),
	build({
		...common,
		entryPoints: {reader: 'src/ui/run.tsx'},
		outdir: 'dist',
		format: 'esm',
		splitting: true,
		// Ink imports react-devtools-core only when DEV is set; it is not installed.
		external: ['react-devtools-core'],
		plugins: [stringWidthShim],
		banner: {
			js: "import {createRequire as __qariCreateRequire} from 'node:module'; const require = __qariCreateRequire(import.meta.url);",
		},
	}),
]);

for (const file of ['cli.cjs', 'cli-yargs.cjs', 'html.cjs', ...lazyChunks.map((lazy) => lazy.chunk)]) asciiOnly(`${root}dist/${file}`);

// The CLI bundle's V8 code cache (bin/load-bundle.js), made by this Node.
spawnSync(process.execPath, ['scripts/build/code-cache.cjs'], {cwd: root, stdio: 'inherit'});
