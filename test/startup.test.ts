// Start-up: `sections`, `export` and `list` never load Ink or React, nor
// yargs, nor any ES module. scripts/build/build.mjs makes three bundles from the
// three entry points of src/: dist/cli.cjs from src/cli/main.ts (cli/ and the
// core: parse, text, layout, output, terminal, and the reader/ modules of
// the first paint), dist/cli-yargs.cjs from src/cli/yargs.ts, and
// dist/reader.js from src/ui/run.tsx (ui/, Ink and React), which only the
// reader imports, dynamically. Checked on the built bundles by recording
// every module a run loads (test/helpers/record-loads.cjs and .mjs), not by
// timing anything.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {after, test} from 'node:test';
import {bin, root} from './helpers/run.js';

const dist = join(root, 'dist');
const hooks = pathToFileURL(join(root, 'test', 'helpers', 'record-loads.mjs')).href;
const requireHook = join(root, 'test', 'helpers', 'record-loads.cjs');
const temp = mkdtempSync(join(tmpdir(), 'qari-startup-'));
after(() => rmSync(temp, {recursive: true, force: true}));

/** Built files that hold React or Ink (string literals survive minification). */
function uiChunks(): string[] {
	return readdirSync(dist)
		.filter((name) => name.endsWith('.js') || name.endsWith('.cjs'))
		.filter((name) => {
			const code = readFileSync(join(dist, name), 'utf8');
			return code.includes('react.transitional.element') || code.includes('ink/build') || code.includes('Yoga');
		});
}

/** The modules a run of bin/qari.js loads, as file names under dist/ or paths under node_modules/. */
function loadedBy(args: readonly string[]): string[] {
	const log = join(temp, `loads-${args.join('-').replace(/[^a-z-]/gi, '')}.txt`);
	const result = spawnSync(process.execPath, [`--require=${requireHook}`, `--import=${hooks}`, bin, ...args], {
		cwd: root,
		encoding: 'utf8',
		env: {...process.env, QARI_LOAD_LOG: log, NO_COLOR: '1'},
	});
	assert.equal(result.status, 0, `qari ${args.join(' ')}: ${result.stderr}`);
	return readFileSync(log, 'utf8')
		.split('\n')
		.filter((url) => url.startsWith('file:'))
		.map((url) => url.slice(url.lastIndexOf('/dist/') >= 0 ? url.lastIndexOf('/dist/') + 6 : 0));
}

/** loadedBy without how a file was compiled. */
function filesLoadedBy(args: readonly string[]): string[] {
	return loadedBy(args).map((file) => file.replace(/ code-cache$/, ''));
}

test('the CLI bundle is compiled from its V8 code cache, which V8 accepts', () => {
	assert.ok(existsSync(join(dist, 'cli.cjs.cache')), 'npm run build writes dist/cli.cjs.cache');
	assert.ok(loadedBy(['sections']).includes('cli.cjs code-cache'), loadedBy(['sections']).join(', '));
});

test('the bundle has a chunk with Ink and React, apart from the CLI', () => {
	assert.ok(existsSync(join(dist, 'cli.cjs')), "run 'npm run build' first (npm test does)");
	const ui = uiChunks();
	assert.ok(ui.length > 0, 'some built file holds React and Ink');
	assert.ok(!ui.includes('cli.cjs'), 'dist/cli.cjs itself holds no React or Ink');
});

for (const args of [
	['sections'],
	['sections', '--json'],
	['export'],
	['export', '--order', 'visual', '--width', '60'],
	['export', '--format', 'json'],
	['list'],
	['--version'],
]) {
	test(`qari ${args.join(' ')} loads neither Ink nor React`, () => {
		const loaded = filesLoadedBy(args);
		assert.ok(loaded.includes('cli.cjs'), `the bundled CLI is loaded: ${loaded.join(', ')}`);
		const ui = uiChunks();
		const offending = loaded.filter((file) => ui.includes(file) || /node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(file));
		assert.deepEqual(offending, [], `loaded: ${loaded.join(', ')}`);
		// Nothing but bin/ and the CLI bundle, from its code cache: no ES module, and yargs only for --version.
		const expected = new Set(['cli.cjs', ...(args[0] === '--version' ? ['cli-yargs.cjs'] : [])]);
		assert.deepEqual(
			loaded.filter((file) => !expected.has(file) && !/bin\/(qari|load-bundle)\.js$/.test(file)),
			[],
			`loaded: ${loaded.join(', ')}`,
		);
	});
}
