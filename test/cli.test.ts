// The real entry point, run as a user runs it; exact output compared.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {unreadableFile} from './helpers/denied.js';
import {bin, root, runQari} from './helpers/run.js';

const title = 'لبحث ملفات عسكرية وسياسية .. الأسد التقى بوتين في موسكو بزيارة غير معلنة مسبقاً';
const golden = (name: string) => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'qari-cli-'));
after(() => rmSync(dir, {recursive: true, force: true}));

test('sections', () => {
	const result = runQari(['sections']);
	assert.equal(result.stderr, '');
	assert.equal(result.status, 0);
	assert.equal(
		result.stdout,
		[
			'#  title                                                                           words  min',
			`1  ${title}    158    1`,
			'2  التعاون العسكري والسياسي                                                          682    5',
			'3  التعاون الاقتصادي                                                                 285    2',
			'',
		].join('\n'),
	);
});

test('sections --json', () => {
	const result = runQari(['sections', '--json']);
	assert.equal(result.status, 0);
	assert.equal(
		result.stdout,
		`${JSON.stringify({
			title,
			lang: 'ar',
			dir: 'rtl',
			meta: {title, lang: 'ar', dir: 'rtl', source: 'seed/article-ar.txt'},
			sections: [
				{index: 1, title, words: 158, minutes: 1, direction: 'rtl'},
				{index: 2, title: 'التعاون العسكري والسياسي', words: 682, minutes: 5, direction: 'rtl'},
				{index: 3, title: 'التعاون الاقتصادي', words: 285, minutes: 2, direction: 'rtl'},
			],
		})}\n`,
	);
});

test('sections --order visual: RTL titles reordered, shaped and right-aligned', () => {
	const result = runQari(['sections', '--order', 'visual']);
	assert.equal(result.status, 0);
	const lines = result.stdout.split('\n');
	assert.equal(lines[3], '3                                                               ﻱﺩﺎﺼﺘﻗﻻﺍ ﻥﻭﺎﻌﺘﻟﺍ    285    2');
});

test('list', () => {
	// Nothing saved, nothing read: an empty data and state home.
	const empty = join(tmpdir(), `qari-list-${process.pid}`);
	const result = runQari(['list'], {env: {XDG_DATA_HOME: join(empty, 'data'), XDG_STATE_HOME: join(empty, 'state')}});
	assert.equal(result.status, 0);
	assert.equal(
		result.stdout,
		[
			'#  title                                                                           lang  words  min  read  name',
			`1  ${title}  ar     1125    8     -  (bundled) assad-putin-moscow.md`,
			'',
		].join('\n'),
	);
});

test('export --section 2 --width 40', () => {
	const result = runQari(['export', '--section', '2', '--width', '40']);
	assert.equal(result.status, 0);
	assert.equal(result.stdout, golden('export-section-2-width-40.txt'));
});

test('export --section by title equals by number', () => {
	assert.equal(runQari(['export', '-s', 'التعاون الاقتصادي', '-w', '50']).stdout, runQari(['export', '-s', '3', '-w', '50']).stdout);
});

test('the default command prints like export when stdout is not a terminal', () => {
	assert.equal(runQari([]).stdout, runQari(['export']).stdout);
});

test('export --format json', () => {
	const data = JSON.parse(runQari(['export', '--format', 'json']).stdout) as {
		title: string;
		lang: string;
		dir: string;
		sections: {title: string; blocks: {kind: string; text: string}[]}[];
	};
	assert.equal(data.title, title);
	assert.equal(data.lang, 'ar');
	assert.equal(data.dir, 'rtl');
	assert.equal(data.sections.length, 3);
	assert.ok(data.sections[1]?.blocks.some((b) => b.kind === 'quote' && b.text.startsWith('│ تصريح صحفي')));
});

test('export --output writes the file atomically and prints nothing', () => {
	const outDir = mkdtempSync(join(dir, 'out-'));
	const out = join(outDir, 'article.txt');
	const result = runQari(['export', '-o', out, '-w', '40', '-s', '2']);
	assert.equal(result.status, 0);
	assert.equal(result.stdout, '');
	assert.equal(readFileSync(out, 'utf8'), golden('export-section-2-width-40.txt'));
	assert.deepEqual(readdirSync(outDir), ['article.txt'], 'no temp file left');
});

test('reading from standard input', () => {
	const result = runQari(['sections', '-'], {input: '# Title\n\nlead\n\n## שלום\n\nטקסט\n'});
	assert.equal(result.status, 0);
	assert.equal(result.stdout, '#  title  words  min\n1  Title      1    1\n2  שלום       1    1\n');
});

const binary = join(dir, 'binary.md');
writeFileSync(binary, Buffer.from([0x23, 0x20, 0x00, 0x01]));
const unreadable = unreadableFile(dir);

// [args, exit status, stderr]
const errorCases: [string[], number, string][] = [
	[['sections', 'missing.md'], 1, "qari: cannot read 'missing.md': no such file\n"],
	[['export', 'test'], 1, "qari: cannot read 'test': is a directory\n"],
	[['sections', binary], 1, `qari: cannot read '${binary}': binary file (contains NUL bytes)\n`],
	[['export', '-s', '9'], 1, 'qari: no section 9: the article has 3\n'],
	[['export', '-s', 'nothing like it'], 1, "qari: no section titled 'nothing like it' (see 'qari sections')\n"],
	[['export', '-o', join(dir, 'no/such/dir/x.txt')], 1, `qari: cannot write '${join(dir, 'no/such/dir/x.txt')}': no such directory\n`],
];
for (const [args, status, stderr] of errorCases) {
	test(`error: qari ${args.join(' ')}`, () => {
		const result = runQari(args);
		assert.equal(result.stderr, stderr);
		assert.equal(result.status, status);
		assert.equal(result.stdout, '');
	});
}

test('error: an unreadable file', () => {
	const result = runQari(['sections', unreadable]);
	assert.equal(result.stderr, `qari: cannot read '${unreadable}': permission denied\n`);
	assert.equal(result.status, 1);
});

// [args, the one line]: usage errors print one line and where to look (as git does), exit 2; no wall of help.
const usageCases: [string[], string][] = [
	[['bogus'], "qari: unknown command 'bogus'"],
	[['--bogus'], "qari: unknown option '--bogus'"],
	[['-x'], "qari: unknown option '-x'"],
	[['sections', '--nope'], "qari: unknown option '--nope'"],
	[['list', 'foo'], "qari: unexpected argument 'foo'"],
	[['save'], "qari: missing the article: a number or name from 'qari list', a file or a URL"],
	[['export', '--width', 'wide'], "qari: --width must be a whole number from 0 to 10000, not 'wide'"],
	[['export', '--width'], 'qari: --width needs a value'],
	[['export', '--format'], 'qari: --format needs a value'],
	[['export', '-s'], 'qari: -s needs a value'],
	[['export', '--width', '-1'], "qari: --width must be a whole number from 0 to 10000, not '-1'"],
	[['export', '--format', 'xml'], "qari: --format must be one of text, json, not 'xml'"],
	[['export', '--timeout', '0'], "qari: --timeout must be a whole number of seconds from 1 to 3600, not '0'"],
	[['sections', '--timeout', '3601'], "qari: --timeout must be a whole number of seconds from 1 to 3600, not '3601'"],
];
for (const [args, line] of usageCases) {
	test(`usage error: qari ${args.join(' ')}`, () => {
		const result = runQari(args);
		assert.equal(result.status, 2);
		assert.equal(result.stdout, '');
		assert.equal(result.stderr, `${line}\nsee 'qari --help'\n`);
	});
}

test('invalid UTF-8: replaced, counted, warned once', () => {
	const file = join(dir, 'bad.md');
	writeFileSync(file, Buffer.concat([Buffer.from('# T\n\nok '), Buffer.from([0xff, 0xfe]), Buffer.from(' end\n')]));
	const result = runQari(['export', file, '-w', '0']);
	assert.equal(result.status, 0);
	assert.equal(result.stderr, `qari: warning: '${file}': 2 invalid UTF-8 sequences replaced with U+FFFD\n`);
	assert.equal(result.stdout, 'T\n═\n\nok \ufffd\ufffd end\n');
});

test('--help shows every command with an example; --version', () => {
	const help = runQari(['--help']);
	assert.equal(help.status, 0);
	for (const word of ['sections', 'export', 'list', 'completion', 'Examples:', 'qari export --width 60 --section 2', 'qari export --order visual | less -R']) {
		assert.ok(help.stdout.includes(word), word);
	}
	const version = runQari(['--version']);
	assert.equal(version.stdout, `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
});

test('the README gives the pager recipe: a pipe gets logical order', () => {
	const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
	assert.ok(readme.includes('`qari export --order visual | less -R`'));
});

test('completion prints a script', () => {
	const result = runQari(['completion']);
	assert.equal(result.status, 0);
	assert.match(result.stdout, /qari/);
	assert.match(result.stdout, /complete/);
});

test('--section \'\' (an empty variable, -s "$S"): says the value is empty, not that every section matches', () => {
	for (const args of [
		['export', '-s', ''],
		['export', '--section', '  '],
		['-s', ''],
	]) {
		const result = runQari(args);
		assert.equal(result.stderr, "qari: --section is empty: give a section's number (1–3) or its title (see 'qari sections')\n", args.join(' '));
		assert.equal(result.status, 1, args.join(' '));
	}
});

test('a full disk on standard output: one line and status 1, no stack trace', {skip: existsSync('/dev/full') ? false : 'no /dev/full here'}, () => {
	// `qari export > /dev/full`: the write fails with ENOSPC (not EPIPE, which ends quietly).
	for (const args of [['export'], ['sections'], ['export', '--format', 'json']]) {
		const full = openSync('/dev/full', 'w');
		const result = spawnSync(process.execPath, [bin, ...args], {cwd: root, encoding: 'utf8', stdio: ['ignore', full, 'pipe']});
		closeSync(full);
		assert.equal(result.stderr, 'qari: cannot write to standard output: no space left on the device\n', args.join(' '));
		assert.equal(result.status, 1, args.join(' '));
	}
});

test('qari export | head -1 ends quietly', () => {
	// A corpus big enough that the pipe closes while qari is still writing.
	const big = join(dir, 'big.md');
	writeFileSync(big, readFileSync(new URL('../content/assad-putin-moscow.md', import.meta.url), 'utf8').repeat(40));
	const piped = spawnSync('bash', ['-c', `node bin/qari.js export '${big}' | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {encoding: 'utf8', cwd: root});
	assert.equal(piped.stdout, 'لبحث ملفات عسكرية وسياسية .. الأسد التقى بوتين في موسكو بزيارة غير معلنة مسبقاً\n');
	assert.equal(piped.stderr, 'status=0\n');
});
