// Bundles the CLI into dist/ with esbuild. Runs on `npm install` (prepare), so
// `node bin/qari.js` works right after `npm ci`. The reader (Ink + React) is a
// separate chunk loaded by dynamic import, so `sections` and `export` never pay
// for it (test/startup.test.ts checks).
//
// string-width 8 (imported by yargs and by Ink) is replaced by
// scripts/string-width-shim.ts: the same answers from qari's own width table,
// without string-width's import-time cost (a regex compile and an
// Intl.Segmenter on every start). Older copies nested under other packages
// (cliui's, wrap-ansi's) are left as they are.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shim = fileURLToPath(new URL('string-width-shim.ts', import.meta.url));
const topLevelStringWidth = fileURLToPath(new URL('../node_modules/string-width/index.js', import.meta.url));

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

rmSync(`${root}/dist`, {recursive: true, force: true});
await build({
	absWorkingDir: root,
	entryPoints: {cli: 'src/cli.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// Ink imports react-devtools-core only when DEV is set; it is not installed.
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [stringWidthShim],
	banner: {
		js: "import {createRequire as __qariCreateRequire} from 'node:module'; const require = __qariCreateRequire(import.meta.url);",
	},
	legalComments: 'none',
	logLevel: 'warning',
});
