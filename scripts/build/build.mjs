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
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

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

/** The CLI's yargs module, pointed at its own bundle and left out of this one. */
const bundleLinks = {
	name: 'bundle-links',
	setup(b) {
		b.onResolve({filter: /^\.\/yargs\.js$/}, () => ({path: './cli-yargs.cjs', external: true}));
	},
};

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
	plugins: [bundleLinks, stringWidthShim],
};

rmSync(`${root}/dist`, {recursive: true, force: true});
await Promise.all([
	build({...commonJs, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs'}),
	build({...commonJs, entryPoints: ['src/cli/yargs.ts'], outfile: 'dist/cli-yargs.cjs'}),
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

// The CLI bundle's V8 code cache (bin/load-bundle.js), made by this Node.
spawnSync(process.execPath, ['scripts/build/code-cache.cjs'], {cwd: root, stdio: 'inherit'});
