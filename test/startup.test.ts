// Start-up: `sections`, `export` and `list` never load Ink or React, nor
// yargs, nor any ES module. scripts/build/build.mjs makes three bundles from the
// three entry points of src/: dist/cli.cjs from src/cli/main.ts (cli/ and the
// core: parse, text, layout, output, terminal, and the reader/ modules of
// the first paint), dist/cli-yargs.cjs from src/cli/yargs.ts, and
// dist/reader.js from src/ui/run.tsx (ui/, Ink and React), which only the
// reader imports, dynamically; dist/entities.cjs and dist/emoji.cjs, which
// the CLI requires the first time a text has a character reference or an
// emoji shortcode. Checked on the built bundles by recording
// every module a run loads (test/helpers/record-loads.cjs and .mjs), not by
// timing anything.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
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

/** A run of bin/qari.js: its output, and the modules it loads, as file names under dist/ or paths under node_modules/. */
function recordedRun(args: readonly string[]): {stdout: string; loaded: string[]} {
	const log = join(temp, `loads-${args.join('-').replace(/[^a-z-]/gi, '')}.txt`);
	const result = spawnSync(process.execPath, [`--require=${requireHook}`, `--import=${hooks}`, bin, ...args], {
		cwd: root,
		encoding: 'utf8',
		env: {...process.env, QARI_LOAD_LOG: log, NO_COLOR: '1'},
	});
	assert.equal(result.status, 0, `qari ${args.join(' ')}: ${result.stderr}`);
	const loaded = readFileSync(log, 'utf8')
		.split('\n')
		.filter((url) => url.startsWith('file:'))
		.map((url) => url.slice(url.lastIndexOf('/dist/') >= 0 ? url.lastIndexOf('/dist/') + 6 : 0));
	return {stdout: result.stdout, loaded};
}

function loadedBy(args: readonly string[]): string[] {
	return recordedRun(args).loaded;
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

test('a web page loads the HTML bundle (dist/html.cjs), and only a web page does', () => {
	const page = join(temp, 'page.html');
	writeFileSync(page, '<!doctype html><html><head><title>T</title></head><body><p>Hello</p></body></html>');
	const loaded = filesLoadedBy(['export', page]);
	assert.ok(loaded.includes('html.cjs'), `loaded: ${loaded.join(', ')}`);
	assert.deepEqual(
		loaded.filter((file) => file !== 'cli.cjs' && file !== 'html.cjs' && !/bin\/(qari|load-bundle)\.js$/.test(file)),
		[],
		`loaded: ${loaded.join(', ')}`,
	);
	assert.ok(!filesLoadedBy(['export']).includes('html.cjs'));
});

test('the tables of character references and emoji shortcodes load only for a text that has one (dist/entities.cjs, dist/emoji.cjs)', () => {
	const both = join(temp, 'both.md');
	writeFileSync(both, '# T\n\nWait&hellip; &eacute;t&eacute; :tada: at 10:30:45, &copy and :not_an_emoji:.\n');
	const run = recordedRun(['export', '--width', '0', both]);
	assert.match(run.stdout, /Wait\u2026 \u00e9t\u00e9 \u{1f389} at 10:30:45, &copy and :not_an_emoji:\./u);
	assert.ok(run.loaded.includes('entities.cjs') && run.loaded.includes('emoji.cjs'), `loaded: ${run.loaded.join(', ')}`);

	const entity = join(temp, 'entity.md');
	writeFileSync(entity, '# T\n\nA &amp; B at 10:30.\n');
	const entityRun = recordedRun(['sections', '--json', entity]);
	assert.ok(entityRun.loaded.includes('entities.cjs') && !entityRun.loaded.includes('emoji.cjs'), `loaded: ${entityRun.loaded.join(', ')}`);

	const plain = join(temp, 'plain.md');
	writeFileSync(plain, '# T\n\nA & B && C at 10:30, :x y: and a: b.\n');
	const plainRun = recordedRun(['export', '--width', '0', plain]);
	assert.match(plainRun.stdout, /^A & B && C at 10:30, :x y: and a: b\.$/m);
	assert.ok(!plainRun.loaded.includes('entities.cjs') && !plainRun.loaded.includes('emoji.cjs'), `loaded: ${plainRun.loaded.join(', ')}`);
	for (const args of [['sections'], ['export']]) {
		const loaded = filesLoadedBy(args);
		assert.ok(!loaded.includes('entities.cjs') && !loaded.includes('emoji.cjs'), `qari ${args.join(' ')} loaded: ${loaded.join(', ')}`);
	}
});

test("marked's delimiter and punctuation rules are built on first use in the CLI bundle, and emphasis still closes", () => {
	const code = readFileSync(join(dist, 'cli.cjs'), 'utf8');
	for (const rule of ['emStrongRDelimAst', 'emStrongRDelimUnd', 'delRDelim', 'emStrongLDelim', 'delLDelim', 'punctuation', 'anyPunctuation']) {
		assert.ok(code.includes(`__qariRule(this.rules.inline.${rule})`), `scripts/build/marked-lazy.mjs patched the reads of ${rule}`);
	}
	const emphasis = join(temp, 'emphasis.md');
	writeFileSync(emphasis, '*a* and _b_ and ~~c~~ and **d** and __e__ and ***f*** and *g_ and ~h~ and *"i"*, \\*j\\*\n\n```js\\!\nk\n```\n');
	const {stdout} = recordedRun(['export', '--width', '0', '--no-links', emphasis]);
	assert.match(stdout, /^a and b and c and d and e and f and \*g_ and h and "i", \*j\*$/m);
	assert.match(stdout, /^ *k$/m);
});

test('the bundles are ASCII: Node reads an ASCII file into a string several times faster', () => {
	for (const name of readdirSync(dist).filter((file) => file.endsWith('.cjs'))) {
		const code = readFileSync(join(dist, name), 'utf8');
		assert.ok(!/[^\0-\x7f]/.test(code), `${name} is ASCII`);
	}
});
