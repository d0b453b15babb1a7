// Bundles the CLI into dist/ with esbuild. Runs on `npm install` (prepare), so
// `node bin/qari.js` works right after `npm ci`. The reader (Ink + React) is a
// separate chunk loaded by dynamic import, so `sections` and `export` never pay
// for it.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
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
	banner: {
		js: "import {createRequire as __qariCreateRequire} from 'node:module'; const require = __qariCreateRequire(import.meta.url);",
	},
	legalComments: 'none',
	logLevel: 'warning',
});
