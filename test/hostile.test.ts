// Hostile input and faults (issue 6): escape sequences never reach any
// output, bidi controls stay in their paragraph, malformed files get one
// clear line, and --output never leaves a partial file. The reader's frames
// and its exits are in hostile-reader.test.tsx; the extremes' timings in
// slow/extremes.test.ts.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {stringifyJson} from '../src/output/json.js';
import {closeBidi, escapeUnprintable, printable, stripControls} from '../src/parse/sanitize.js';
import {lineText} from '../src/output/export.js';
import {layoutSection} from '../src/layout/blocks.js';
import {decodeArticle} from '../src/parse/decode.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {limitNesting, MAX_INDENT, MAX_MARKERS} from '../src/parse/nesting.js';
import {tocRows} from '../src/reader/screen/contents.js';
import {headerRows} from '../src/reader/screen/header.js';
import {renderRuns} from '../src/terminal/sgr.js';
import {type Order} from '../src/text/paragraph.js';
import {unwritableDir} from './helpers/denied.js';
import {executable, firstExecutable, hostileBytes, keptWords, payloads, rawSequences} from './helpers/hostile.js';
import {root, runQari} from './helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'qari-hostile-'));
after(() => rmSync(dir, {recursive: true, force: true}));
const file = (name: string, content: string | Uint8Array): string => {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
};
const hostile = file('hostile.md', hostileBytes);

function assertClean(output: string, what: string): void {
	assert.equal(firstExecutable(output.replace(/\n/g, '')), '', `${what}: nothing a terminal would execute`);
	for (const sequence of rawSequences) assert.ok(!output.includes(sequence), `${what}: ${JSON.stringify(sequence)} is absent`);
	for (const payload of payloads) assert.ok(!output.includes(payload), `${what}: the payload ${payload} is gone with its sequence`);
}

// ---- the filters, one case a line -------------------------------------------------------

const printableCases: [string, string, string][] = [
	['plain text unchanged', 'سلام hello', 'سلام hello'],
	['C0, TAB and LF too', 'a\u0000b\tc\nd\u001be', 'abcde'],
	['DEL and C1', 'a\u007fb\u0085c\u009bd', 'abcd'],
	['bidi controls', 'a\u202eb\u2066c\u2069d\u200ee\u200ff\u061cg\u202ch', 'abcdefgh'],
	['U+FEFF, U+2028, U+2029', 'a\ufeffb\u2028c\u2029d', 'abcd'],
	['a lone surrogate becomes U+FFFD', 'a\ud800b\udc00c', 'a\ufffdb\ufffdc'],
	['a surrogate pair is kept', 'a😀b', 'a😀b'],
];
for (const [name, input, output] of printableCases) {
	test(`printable: ${name}`, () => assert.equal(printable(input), output));
}

const stripCases: [string, string, string][] = [
	['TAB and LF kept', 'a\tb\nc', 'a\tb\nc'],
	['C0, DEL, C1, U+FEFF removed', 'a\u0001\u001b\u007f\u0090\ufeffb', 'ab'],
	['bidi controls kept (the layout applies them)', 'a\u202eb', 'a\u202eb'],
	['a lone surrogate becomes U+FFFD', '\udfffx', '\ufffdx'],
	['a lone high surrogate at the end becomes U+FFFD', 'x\ud83d', 'x\ufffd'],
	['a surrogate pair is kept', 'a😀b', 'a😀b'],
	['a pair next to a lone half', '\ud83d😀\ude00', '\ufffd😀\ufffd'],
	['nothing to remove', 'سلام hello', 'سلام hello'],
];
for (const [name, input, output] of stripCases) {
	test(`stripControls: ${name}`, () => assert.equal(stripControls(input), output));
}

// [text, balanced]: PDF closes embeddings and overrides, PDI isolates (and what is open inside them).
const closeCases: [string, string][] = [
	['plain', 'plain'],
	['a\u202eb', 'a\u202eb\u202c'],
	['a\u2066b', 'a\u2066b\u2069'],
	['\u202b\u2067x', '\u202b\u2067x\u2069\u202c'],
	['\u2067\u202ex\u2069', '\u2067\u202ex\u2069'],
	['\u202ex\u202c', '\u202ex\u202c'],
	['x\u202c\u2069', 'x\u202c\u2069'],
	['\u2068\u202a\u202dx', '\u2068\u202a\u202dx\u202c\u202c\u2069'],
];
for (const [input, output] of closeCases) {
	test(`closeBidi: ${JSON.stringify(input)}`, () => assert.equal(closeBidi(input), output));
}

test('stringifyJson: the same data, with bidi and C1 controls escaped', () => {
	const value = {title: 'a\u202eb\u0085c\u2066d\ufeff\u2028', plain: 'سلام'};
	const json = stringifyJson(value);
	assert.equal(json, '{"title":"a\\u202eb\\u0085c\\u2066d\\ufeff\\u2028","plain":"سلام"}');
	assert.deepEqual(JSON.parse(json), value);
	assert.equal(firstExecutable(stringifyJson({c0: '\u001b[2J\u0007'})), '', 'JSON.stringify escapes C0 itself');
});

test('escapeUnprintable: a file name in a message shows its controls', () => {
	assert.equal(escapeUnprintable('a\u001b]0;x\u0007.md'), 'a\\x1b]0;x\\x07.md');
	assert.equal(escapeUnprintable('\u202etxt.md'), '\\u202etxt.md');
	assert.equal(escapeUnprintable('plain.md'), 'plain.md');
});

// ---- the loader: every sequence removed whole ----------------------------------------------

test('load: every escape sequence of the hostile article is removed with its payload', () => {
	for (const sequence of rawSequences) {
		const decoded = decodeArticle(new TextEncoder().encode(`a${sequence}b`));
		assert.ok(decoded.ok);
		assert.equal(decoded.text, 'ab', JSON.stringify(sequence));
		assert.ok(decoded.removed >= 1);
	}
	// C1 controls encoded in UTF-8 (U+0080–U+009F), one by one.
	for (let code = 0x80; code <= 0x9f; code++) {
		const decoded = decodeArticle(new TextEncoder().encode(`a${String.fromCharCode(code)}b`));
		assert.ok(decoded.ok);
		assert.equal(decoded.text, code === 0x85 ? 'a\nb' : 'ab', `U+00${code.toString(16)}`);
	}
});

// ---- the parser: entities, nesting, failures -------------------------------------------------

test('parse: entity references that decode to controls do not bring them back', () => {
	const article = parseMarkdown('# T &#27;]0;x&#7;\n\ntext &#27;[2J &#x9b;31m &#x85; &#127; &#0; `code &#27;[31m` [&#27;link](http://x.example)\n');
	const json = JSON.stringify(article);
	assert.doesNotMatch(json, /\\u001b|\\u0007|\u009b|\u0085|\u007f/);
	assert.match(json, /text \[2J 31m {3}\ufffd/, 'the rest is text; &#0; is U+FFFD (CommonMark)');
});

test('parse: limitNesting keeps MAX_MARKERS container markers and MAX_INDENT columns', () => {
	assert.equal(limitNesting('> > a\n  - b\n'), '> > a\n  - b\n', 'ordinary text is untouched');
	const deep = `${'> '.repeat(MAX_MARKERS + 10)}deep`;
	assert.equal(limitNesting(deep), `${'> '.repeat(MAX_MARKERS)}deep`);
	assert.equal(limitNesting(`${'>'.repeat(5000)} x`), `${'>'.repeat(MAX_MARKERS)} x`);
	assert.equal(limitNesting(`${'- '.repeat(MAX_MARKERS + 1)}x`), `${'- '.repeat(MAX_MARKERS)}x`);
	assert.equal(limitNesting(`${' '.repeat(500)}- item`), `${' '.repeat(MAX_INDENT)}- item`);
	assert.equal(limitNesting(`> ${'\t'.repeat(100)}x`), `>${' '.repeat(MAX_INDENT)}x`, 'tabs count to the next multiple of 4');
});

test('parse: quotes nested 5,000 deep keep their text, nested as deep as the limit', () => {
	const article = parseMarkdown(`${'> '.repeat(5000)}deep\n\n# After\n\ntext\n`);
	let depth = 0;
	let blocks = article.sections[0]?.blocks ?? [];
	for (let block = blocks[0]; block?.kind === 'quote'; block = blocks[0]) {
		depth++;
		blocks = block.blocks;
	}
	assert.equal(depth, MAX_MARKERS);
	assert.deepEqual(blocks, [{kind: 'paragraph', inline: [{text: 'deep', style: {}}]}]);
	// The only H1 names the article (issue 12, 11), and so the lead.
	assert.deepEqual(
		article.sections.map((s) => s.title),
		['After', 'After'],
	);
});

test("parse: emphasis nested 3,000 deep (it overflowed marked's stack) keeps its text in its paragraph; the rest is Markdown still", () => {
	// marked recurses per level; the paragraph is lexed in pieces of a bounded number of syntax characters.
	const stars = `${'*'.repeat(3000)}x${'*'.repeat(3000)}`;
	const article = parseMarkdown(`# Title\n\n**bold** first\n\n${stars}\n\n## Next\n\n*em* after\n`);
	assert.deepEqual(
		article.sections.map((s) => s.title),
		['Title', 'Next'],
	);
	const [lead, next] = article.sections;
	assert.deepEqual(lead?.blocks[0], {
		kind: 'paragraph',
		inline: [
			{text: 'bold', style: {strong: true}},
			{text: ' first', style: {}},
		],
	});
	const deep = lead?.blocks[1];
	assert.ok(deep?.kind === 'paragraph');
	const text = deep.inline.map((span) => span.text).join('');
	assert.match(text, /^\*+x\*+$/);
	assert.ok(text.length >= stars.length - 64, 'only stars around the x are taken as delimiters');
	assert.deepEqual(next?.blocks[0], {
		kind: 'paragraph',
		inline: [
			{text: 'em', style: {emphasis: true}},
			{text: ' after', style: {}},
		],
	});
});

test('parse: a staircase of 3,000 ever deeper quote lines is fast and keeps every line', () => {
	const lines = Array.from({length: 3000}, (_, i) => `${'>'.repeat(i + 1)} line${i}`);
	const started = performance.now();
	const article = parseMarkdown(lines.join('\n'));
	assert.ok(performance.now() - started < 10_000, 'seconds, not gigabytes');
	const text = JSON.stringify(article);
	for (const i of [0, 1, 63, 64, 65, 2999]) assert.ok(text.includes(`line${i}`), `line${i}`);
});

test('parse: a huge paragraph is lexed in pieces; its text is whole and its Markdown mostly kept', () => {
	const words = Array.from({length: 20000}, (_, i) => (i % 100 === 0 ? `**w${i}**` : `w${i}`));
	const article = parseMarkdown(words.join(' '));
	const inline = article.sections[0]?.blocks[0];
	assert.ok(inline?.kind === 'paragraph');
	assert.equal(inline.inline.map((s) => s.text).join(''), words.join(' ').replace(/\*\*/g, ''));
	assert.ok(inline.inline.filter((s) => s.style.strong).length >= 190, 'bold words stay bold (a cut may fall inside one)');
});

// ---- bidi controls: honoured, confined to their paragraph, never printed ---------------------------

const bidiArticle = parseMarkdown(
	[
		'# T',
		'',
		'First \u202eabc def',
		'',
		'Second ghi',
		'',
		'Third \u2067open isolate \u202b',
		'',
		'Fourth line',
		'',
		'- item \u202eone',
		'- item two',
		'',
		'> q \u2068x',
		'',
		'after quote',
		'',
		'## S \u202eX',
		'',
		'x',
		'',
	].join('\n'),
);

// [order, dir, the lead's lines]: the override reverses only its own paragraph.
const bidiCases: [Order, 'auto' | 'rtl', string[]][] = [
	[
		'visual',
		'auto',
		[
			'T',
			'═',
			'',
			'First fed cba',
			'',
			'Second ghi',
			'',
			'Third open isolate',
			'',
			'Fourth line',
			'',
			'• item eno',
			'• item two',
			'',
			'│ q x',
			'',
			'after quote',
		],
	],
	[
		'logical',
		'auto',
		[
			'T',
			'═',
			'',
			'First abc def',
			'',
			'Second ghi',
			'',
			'Third open isolate',
			'',
			'Fourth line',
			'',
			'• item one',
			'• item two',
			'',
			'│ q x',
			'',
			'after quote',
		],
	],
];
for (const [order, dirOption, expected] of bidiCases) {
	test(`bidi controls stay in their paragraph and are never printed (${order}, dir ${dirOption})`, () => {
		const [lead] = bidiArticle.sections;
		assert.ok(lead);
		const lines = layoutSection(lead, {width: 40, order, shape: false, dir: dirOption, baseDir: 'ltr'}).map(lineText);
		assert.deepEqual(lines, expected);
		for (const line of lines) assert.equal(firstExecutable(line), '');
	});
}

test('bidi controls, right to left: every paragraph after an unclosed one lays out as it does alone', () => {
	const [lead] = bidiArticle.sections;
	assert.ok(lead);
	const options = {width: 40, order: 'visual' as const, shape: false, dir: 'rtl' as const, baseDir: 'rtl' as const};
	const lines = layoutSection(lead, options).map(lineText);
	const alone = (text: string): string[] => {
		const [section] = parseMarkdown(text).sections;
		assert.ok(section);
		return layoutSection(section, options, false).map(lineText);
	};
	for (const paragraph of ['Second ghi', 'Fourth line', 'after quote']) {
		const [line] = alone(paragraph);
		assert.ok(line && lines.includes(line), `'${paragraph}' as it is alone: '${line ?? ''}' in\n${lines.join('\n')}`);
	}
	for (const line of lines) assert.equal(firstExecutable(line), '');
});

test('bidi controls in a title stay in the title: the contents row keeps "(N min)" after it', () => {
	const article = parseMarkdown('# T\n\ntext\n\n## Open \u202eoverride\n\nsome words\n\n## Open \u2067isolate\n\nmore\n');
	assert.deepEqual(
		article.sections.map((s) => s.title),
		['T', 'Open \u202eoverride\u202c', 'Open \u2067isolate\u2069'],
	);
	const chrome = {order: 'visual' as const, shape: false, dir: 'ltr' as const};
	const rows = tocRows(article, 0, 0, 60, 10, chrome).map((row) => renderRuns(row.runs, {color: false}));
	// The cursor's gutter is kept on every row (issue 13): entries do not move when it reaches them.
	assert.deepEqual(rows.slice(1), ['> 1. T (1 min)', '  2. Open edirrevo (1 min)', '  3. Open isolate (1 min)']);
	const header = headerRows(article, 1, 60, false, chrome).map((row) => renderRuns(row.runs, {color: false}).trim());
	assert.deepEqual(header, ['T', 'section 2/3: Open edirrevo']);
	// Narrow: the section's title goes where no more than an ellipsis of it would fit; a short one stays.
	const narrow = (width: number, a = article) => headerRows(a, 1, width, true, chrome).map((row) => renderRuns(row.runs, {color: false}).trim());
	assert.deepEqual(narrow(18), ['section 2/3: Open…']);
	assert.deepEqual(narrow(17), ['section 2/3']);
	assert.deepEqual(narrow(16), ['section 2/3']);
	const short = parseMarkdown('# T\n\ntext\n\n## Ab\n\nmore\n');
	assert.deepEqual(narrow(15, short), ['section 2/2: Ab']);
	assert.deepEqual(narrow(14, short), ['section 2/2']);
});

test('render: the last filter drops what no layout should have let through', () => {
	const runs = [
		{text: 'a\u001b[2Jb\u0007\u202ec\u2066\ufeff\u2028\td\ne', style: {}},
		{text: 'link', style: {href: 'http://x.example/\u001b]0;x\u0007'}},
	];
	assert.equal(renderRuns(runs, {color: false}), 'a[2Jbcdelink');
	const colored = renderRuns(runs, {color: true});
	assert.equal(colored, 'a[2Jbcde\u001b[4mlink\u001b[0m', 'no hyperlink to a target with controls');
});

// ---- the command line: export, sections, JSON, every order and shape ------------------------------

const exportVariants: string[][] = [];
for (const order of ['logical', 'visual']) for (const shape of ['on', 'off']) exportVariants.push(['--order', order, '--shape', shape]);
exportVariants.push(['--order', 'visual', '--dir', 'rtl', '-w', '30'], ['--order', 'logical', '--dir', 'rtl', '-w', '0']);

for (const variant of exportVariants) {
	test(`export ${variant.join(' ')}: the hostile article's sequences are gone, its text is there`, () => {
		const result = runQari(['export', hostile, ...variant]);
		assert.equal(result.stderr, '');
		assert.equal(result.status, 0);
		assertClean(result.stdout, 'export');
		for (const word of keptWords) assert.ok(result.stdout.includes(word), `'${word}' is kept`);
		assert.match(result.stdout, /Front matter/);
	});
}

test('export --format json: controls are neither in the text nor raw in the JSON', () => {
	const result = runQari(['export', hostile, '--format', 'json']);
	assert.equal(result.status, 0);
	assertClean(result.stdout, 'export --format json');
	const data = JSON.parse(result.stdout) as {title: string; meta: Record<string, string>};
	assert.equal(data.title, 'Front matter');
	assert.equal(data.meta['author'], 'red');
});

for (const args of [['sections'], ['sections', '--order', 'visual', '--shape', 'on'], ['sections', '--json'], []]) {
	test(`qari ${[...args, 'hostile.md'].join(' ')}: clean`, () => {
		const result = runQari([...args, hostile]);
		assert.equal(result.status, 0);
		assertClean(result.stdout, args.join(' ') || 'the default command in a pipe');
		assert.match(result.stdout, /Second +section|"title":"Second {2}section"|Second {2}section/);
	});
}

test('sections --json: titles with bidi controls are escaped, not printed raw', () => {
	const path = file('bidi-titles.md', '# T\n\ntext\n\n## A \u202eB\n\nx\n');
	const result = runQari(['sections', '--json', path]);
	assert.equal(result.status, 0);
	assert.equal(firstExecutable(result.stdout.replace(/\n/g, '')), '');
	assert.match(result.stdout, /"title":"A \\u202eB\\u202c"/);
});

// ---- malformed input --------------------------------------------------------------------------------

test('invalid UTF-8: U+FFFD for each bad sequence, one warning with the count, for every command', () => {
	const path = file(
		'bad.md',
		Buffer.concat([Buffer.from('# T\n\na '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82, 0xf0, 0x9f, 0x98]), Buffer.from(' b\n')]),
	);
	// C3 28: a lead byte without its continuation; A0, A1: lone continuations; E2 82 and F0 9F 98: cut short.
	const warning = `qari: warning: '${path}': 5 invalid UTF-8 sequences replaced with U+FFFD\n`;
	const exported = runQari(['export', path, '-w', '0']);
	assert.equal(exported.stderr, warning);
	assert.equal(exported.stdout, 'T\n═\n\na \ufffd(\ufffd\ufffd\ufffd\ufffd b\n');
	assert.equal(exported.status, 0);
	const sections = runQari(['sections', path]);
	assert.equal(sections.stderr, warning);
	assert.equal(sections.status, 0);
});

// [name, content, args, stdout, stderr, status]
const malformed: [string, string | Uint8Array, string[], string, string, number][] = [
	['empty.md', '', ['sections'], '#  title  words  min\n1  empty      0    0\n', "qari: warning: 'FILE' is empty\n", 0],
	['empty.md', '', ['export'], 'empty\n═════\n', "qari: warning: 'FILE' is empty\n", 0],
	[
		'blank.md',
		' \n\n\t\n   ',
		['sections', '--json'],
		'{"title":"blank","lang":"","dir":"ltr","meta":{},"sections":[{"index":1,"title":"blank","words":0,"minutes":0,"direction":"ltr"}]}\n',
		"qari: warning: 'FILE' is empty\n",
		0,
	],
	['plain.md', 'just text\nno headings\n\nsecond para\n', ['sections'], '#  title  words  min\n1  plain      6    1\n', '', 0],
	['plain.md', 'just text\nno headings\n\nsecond para\n', ['export'], 'plain\n═════\n\njust text no headings\n\nsecond para\n', '', 0],
	[
		'bom-crlf.md',
		'\ufeff# Title\r\n\r\nline one\r\nline two\r\n\r\n## S\r\n\r\nx\r\n',
		['export', '-w', '0'],
		'Title\n═════\n\nline one line two\n\nS\n─\n\nx\n',
		'',
		0,
	],
	['binary.md', Buffer.from([0x23, 0x20, 0x41, 0x00, 0x42]), ['export'], '', "qari: cannot read 'FILE': binary file (contains NUL bytes)\n", 1],
	['utf16.md', Buffer.from('\ufeff# T\n', 'utf16le'), ['sections'], '', "qari: cannot read 'FILE': binary file (contains NUL bytes)\n", 1],
];
for (const [name, content, args, stdout, stderr, status] of malformed) {
	test(`malformed: qari ${args.join(' ')} ${name}`, () => {
		const path = file(name, content);
		const result = runQari([...args, path]);
		assert.equal(result.stderr, stderr.replace('FILE', path));
		assert.equal(result.stdout, stdout);
		assert.equal(result.status, status);
	});
}

test('malformed: binary on standard input is refused with one line', () => {
	const result = runQari(['export', '-'], {input: Buffer.from([0x41, 0x00])});
	assert.equal(result.stderr, 'qari: cannot read standard input: binary file (contains NUL bytes)\n');
	assert.equal(result.stdout, '');
	assert.equal(result.status, 1);
});

test('malformed: a file name with controls is shown escaped in the message', () => {
	const name = join(dir, 'evil\u001b]0;XTITLE0\u0007.md');
	const result = runQari(['sections', name]);
	assert.equal(result.stderr, `qari: cannot read '${join(dir, 'evil\\x1b]0;XTITLE0\\x07.md')}': no such file\n`);
	assert.equal(result.status, 1);
});

// ---- --output never leaves a partial file -----------------------------------------------------------

function outputDir(name: string): {path: string; out: string} {
	const path = join(dir, name);
	mkdirSync(path);
	const out = join(path, 'article.txt');
	writeFileSync(out, 'the old file\n');
	return {path, out};
}

test('--output: an error before writing leaves the old file as it was', () => {
	const {path, out} = outputDir('out-error');
	const result = runQari(['export', '-o', out, '-s', '99']);
	assert.equal(result.status, 1);
	assert.equal(readFileSync(out, 'utf8'), 'the old file\n');
	assert.deepEqual(readdirSync(path), ['article.txt']);
});

test('--output: a write that fails half-way (file size limit) leaves the old file and no temporary file', () => {
	const {path, out} = outputDir('out-efbig');
	const big = file('big.md', readFileSync(join(root, 'content', 'assad-putin-moscow.md'), 'utf8').repeat(20));
	// ulimit -f 16: at most 16 KiB per file; the export is larger, so the write stops part-way.
	const run = spawnSync('bash', ['-c', `ulimit -f 16; exec "${process.execPath}" bin/qari.js export "${big}" -o "${out}"`], {cwd: root, encoding: 'utf8'});
	assert.equal(run.status, 1, run.stderr);
	assert.match(run.stderr, /^qari: cannot write '.*article\.txt': .*\n$/);
	assert.equal(readFileSync(out, 'utf8'), 'the old file\n');
	assert.deepEqual(readdirSync(path), ['article.txt']);
});

test('--output: over an existing file, the new text replaces it whole', () => {
	const {path, out} = outputDir('out-replace');
	const result = runQari(['export', hostile, '-o', out, '-w', '60']);
	assert.equal(result.status, 0);
	assert.equal(readFileSync(out, 'utf8'), runQari(['export', hostile, '-w', '60']).stdout);
	assert.deepEqual(readdirSync(path), ['article.txt']);
});

test('--output: a FIFO (or /dev/null) is written through, never replaced by a file', () => {
	const fifo = join(dir, 'out.fifo');
	const copy = join(dir, 'from-fifo.txt');
	assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
	// A reader on the FIFO, then qari writing into it; renaming a file over the FIFO would leave the reader waiting.
	const result = spawnSync('bash', ['-c', `cat '${fifo}' > '${copy}' & node bin/qari.js export -w 40 -o '${fifo}'; status=$?; wait; exit $status`], {
		cwd: root,
		encoding: 'utf8',
		timeout: 120_000,
	});
	assert.equal(result.stderr, '');
	assert.equal(result.status, 0);
	assert.ok(statSync(fifo).isFIFO(), 'still a FIFO');
	assert.equal(readFileSync(copy, 'utf8'), runQari(['export', '-w', '40']).stdout);
});

test('--output: a path through a file is one line, exit 1', () => {
	const blocker = file('blocker', 'a file');
	const result = runQari(['export', '-o', join(blocker, 'x.txt')]);
	assert.equal(result.status, 1);
	assert.equal(result.stdout, '');
	assert.match(result.stderr, /^qari: cannot write '.*blocker\/x\.txt': a part of the path is not a directory\n$/);
});

test("--output: a name too long is said in words (the same words as reading), not in Node's message about the temporary file", () => {
	const long = join(dir, `${'x'.repeat(300)}.txt`);
	const result = runQari(['export', '-o', long]);
	assert.equal(result.status, 1);
	assert.equal(result.stderr, `qari: cannot write '${long}': name too long\n`);
	assert.equal(runQari(['export', long]).stderr, `qari: cannot read '${long}': name too long\n`);
});

const readOnly = unwritableDir(dir);

test('--output: into a directory we may not write is one line, and nothing is left', () => {
	const result = runQari(['export', '-o', join(readOnly, 'x.txt')]);
	assert.equal(result.status, 1);
	assert.equal(result.stderr, `qari: cannot write '${join(readOnly, 'x.txt')}': permission denied\n`);
	// Neither the file nor the temporary file it would have been renamed from.
	assert.deepEqual(
		readdirSync(readOnly).filter((name) => name.includes('x.txt')),
		[],
	);
});

test('sections | head -1 ends quietly on 20,000 headings', () => {
	const path = file('headings.md', Array.from({length: 20000}, (_, i) => `## H${i}\n\nt\n`).join('\n'));
	const piped = spawnSync('bash', ['-c', `node bin/qari.js sections '${path}' | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {encoding: 'utf8', cwd: root});
	assert.equal(piped.stdout, '    #  title   words  min\n');
	assert.equal(piped.stderr, 'status=0\n');
});

test('nothing executable anywhere: the hostile article through the core in every mode', () => {
	const decoded = decodeArticle(hostileBytes);
	assert.ok(decoded.ok);
	const article = parseMarkdown(decoded.text);
	for (const order of ['visual', 'logical'] as const) {
		for (const shape of [true, false]) {
			for (const dirOption of ['auto', 'rtl', 'ltr'] as const) {
				for (const section of article.sections) {
					for (const line of layoutSection(section, {width: 50, order, shape, dir: dirOption, baseDir: article.dir})) {
						assert.equal(executable.test(renderRuns(line.runs, {color: false})), false);
					}
				}
			}
		}
	}
});
