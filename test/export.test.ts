import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {type Article, type Block, type Section} from '../src/model/article.js';
import {exportTextBytes, exportTextChunks, isTrimmed, lineText} from '../src/output/export.js';
import {withReferences} from '../src/output/references.js';
import {exportText} from './helpers/export-text.js';
import {layoutBlocks, type LayoutOptions} from '../src/layout/blocks.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {boilerplate, seedParagraphs} from './helpers/article.js';

const article = parseMarkdown(readFileSync(new URL('../content/assad-putin-moscow.md', import.meta.url), 'utf8'));
const logical = (width: number) => exportText(article, {width, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir});

test('export --width 0: every paragraph verbatim on its own line, no boilerplate', () => {
	const lines = new Set(
		logical(0)
			.split('\n')
			.map((l) => l.replace(/^│ /, '')),
	);
	for (const p of seedParagraphs) assert.ok(lines.has(p), `missing: ${p.slice(0, 50)}`);
	const text = logical(0);
	for (const b of boilerplate) assert.ok(!text.includes(b), `boilerplate present: ${b}`);
});

for (const width of [30, 50, 80]) {
	test(`export --width ${width}: no line wider, paragraphs rejoin exactly`, () => {
		const text = logical(width).trimEnd();
		const lines = text.split('\n');
		for (const line of lines) assert.ok(stringWidth(line) <= width, `${stringWidth(line)} > ${width}: ${line}`);
		// Lines of one paragraph are separated by blank lines from the next;
		// rejoined with the spaces the breaks consumed, they give the paragraph back.
		const paragraphs = lines
			.filter((l) => !/^[═─]+$/.test(l))
			.map((l) => (l === '│' ? '' : l.replace(/^│ /, '')))
			.join('\n')
			.split(/\n\n+/)
			.map((chunk) => chunk.split('\n').join(' '));
		for (const p of seedParagraphs) assert.ok(paragraphs.includes(p), `not rejoined at ${width}: ${p.slice(0, 50)}`);
	});
}

test('isTrimmed agrees with String.prototype.trimEnd on every BMP code unit', () => {
	for (let code = 0; code < 0x10000; code++) {
		const trimmed = `a${String.fromCharCode(code)}`.trimEnd().length === 1;
		assert.equal(isTrimmed(code), trimmed, code.toString(16));
	}
});

test('lineText: the runs joined, trailing white space dropped', () => {
	const line = (...texts: string[]) => ({runs: texts.map((text) => ({text, style: {}})), width: 0, block: 0, offset: 0});
	assert.equal(lineText(line('  a', 'b ', ' \u3000', '')), '  ab');
	assert.equal(lineText(line('ab', '')), 'ab');
	assert.equal(lineText(line('   ')), '');
	assert.equal(lineText(line()), '');
});

/** exportText as it was first written: every line laid out, then each line's text joined. */
function joinedLines(source: Article, options: LayoutOptions, sections: readonly Section[] = source.sections): string {
	const blocks: Block[] = [];
	for (const section of sections) {
		const title = section.level === 0 ? source.title : section.title;
		blocks.push({kind: 'heading', level: section.level === 0 ? 1 : 2, inline: [{text: title, style: {}}]}, ...withReferences(section.blocks));
	}
	return `${layoutBlocks(blocks, options).map(lineText).join('\n')}\n`;
}

// Trailing spaces in code, padding-only rows, gutters on both sides, a table,
// a hard break, mixed directions and styles.
const mixed = parseMarkdown(
	[
		'# عنوان',
		'',
		'سلام **عليكم** hello `code` world لا إله',
		'',
		'    code with trailing spaces   ',
		'    ',
		'    \tتبويب',
		'',
		'> اقتباس  ',
		'> > nested quote',
		'',
		'1. أول',
		'2. second item with a long long tail',
		'',
		'| a | ب |',
		'|---|---|',
		'| 1 | ٢ |',
		'',
		'line one  ',
		'line two\u3000',
		'',
		'## قسم',
		'',
		'😀 🇸🇦 (قوس) [رابط](http://x.example)',
		'',
	].join('\n'),
);

for (const source of [article, mixed]) {
	for (const order of ['visual', 'logical'] as const) {
		for (const width of [0, 1, 7, 20, 80, 300]) {
			test(`exportText equals its lines joined: ${source === article ? 'article' : 'mixed'}, ${order}, width ${width}`, () => {
				for (const shape of [true, false]) {
					for (const baseDir of ['rtl', 'ltr'] as const) {
						const options: LayoutOptions = {width, order, shape, dir: 'auto', baseDir};
						assert.equal(exportText(source, options), joinedLines(source, options));
					}
				}
				const one = source.sections.slice(-1);
				const options: LayoutOptions = {width, order, shape: true, dir: 'rtl', baseDir: source.dir};
				assert.equal(exportText(source, options, one), joinedLines(source, options, one));
				assert.equal(exportText(source, options, []), '\n');
			});
		}
	}
}

test('exportTextBytes is the UTF-8 of exportText (transcoded, or through a string for a lone surrogate)', () => {
	for (const options of [
		{width: 40, order: 'visual', shape: true, dir: 'auto'},
		{width: 0, order: 'logical', shape: false, dir: 'rtl'},
	] as const) {
		const full = {...options, baseDir: article.dir};
		assert.ok(exportTextBytes(article, full).equals(Buffer.from(exportText(article, full))));
	}
	// Sections built by hand can hold what the loader would have removed.
	const odd: Article = {
		...article,
		sections: [{...(article.sections[0] as Section), blocks: [{kind: 'paragraph', inline: [{text: 'a \ud800 b', style: {}}]}]}],
	};
	const options: LayoutOptions = {width: 20, order: 'logical', shape: false, dir: 'auto', baseDir: 'ltr'};
	assert.ok(exportTextBytes(odd, options).equals(Buffer.from(exportText(odd, options))));
	assert.equal(exportTextBytes({...article, sections: []}, options).toString(), exportText({...article, sections: []}, options));
});

test('exportTextBytes: a surrogate pair split between runs is one character, a lone half is U+FFFD', () => {
	// Hand-built spans (the loader never leaves a lone surrogate): a pair across a style
	// change, lone halves at the start, middle and end of runs and lines.
	const spans = [
		{text: 'a\ud83d', style: {}},
		{text: '\ude00b \ud800', style: {strong: true}},
		{text: '\udc00\udc01 c\ud83d', style: {}},
		{text: ' \ud83d\ude00\ud800', style: {emphasis: true}},
	];
	const odd: Article = {
		...article,
		sections: [
			{
				...(article.sections[0] as Section),
				blocks: [
					{kind: 'paragraph', inline: spans},
					{kind: 'paragraph', inline: [{text: 'x\ud800', style: {}}]},
				],
			},
		],
	};
	for (const order of ['logical', 'visual'] as const) {
		for (const width of [0, 3, 80]) {
			const options: LayoutOptions = {width, order, shape: false, dir: 'auto', baseDir: 'rtl'};
			const bytes = exportTextBytes(odd, options);
			assert.deepEqual([...bytes], [...Buffer.from(exportText(odd, options))], `${order} ${width}`);
		}
	}
	const logicalBytes = exportTextBytes(odd, {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: 'ltr'}).toString();
	assert.ok(logicalBytes.includes('\na\u{1f600}b \u{10000}\ufffd c\ufffd \u{1f600}\ufffd\n\nx\ufffd\n'), JSON.stringify(logicalBytes));
});

test('exportTextChunks: whole lines in chunks of at most 96 KiB (but for a longer line), kept by the writer, joined are exportTextBytes', () => {
	// The article ten times over, and one paragraph longer than a chunk at width 0.
	const long = 'كلمة '.repeat(20_000);
	const copies = Array.from({length: 10}, () => article.sections).flat();
	const big: Article = {
		...article,
		sections: [...copies, {...(article.sections[0] as Section), blocks: [{kind: 'paragraph', inline: [{text: long, style: {}}]}]}],
	};
	for (const width of [0, 80]) {
		const options: LayoutOptions = {width, order: 'visual', shape: true, dir: 'auto', baseDir: 'rtl'};
		const chunks: Buffer[] = [];
		exportTextChunks(big, options, big.sections, (chunk) => {
			chunks.push(chunk);
		});
		// Chunks are kept until the end: a chunk written over after it was handed out would show here.
		assert.ok(Buffer.concat(chunks).equals(Buffer.from(exportText(big, options))), `width ${width}`);
		assert.ok(chunks.length > 2, `${chunks.length} chunks`);
		for (const chunk of chunks) assert.equal(chunk.at(-1), 0x0a, 'a chunk ends at the end of a line');
		const sizes = chunks.map((chunk) => chunk.length);
		assert.equal(sizes.filter((size) => size > 96 * 1024).length, width === 0 ? 1 : 0, `width ${width}: chunks of ${sizes.join(' ')} bytes`);
	}
	const none: string[] = [];
	exportTextChunks(article, {width: 80, order: 'logical', shape: false, dir: 'auto', baseDir: 'rtl'}, [], (chunk) => none.push(chunk.toString()));
	assert.deepEqual(none, ['\n']);
});

test('export: a section of more blocks than a call takes arguments', () => {
	const many: Block[] = Array.from({length: 200_000}, () => ({kind: 'paragraph', inline: [{text: 'a', style: {}}]}));
	const big: Article = {...article, sections: [{...(article.sections[0] as Section), blocks: many}]};
	const options: LayoutOptions = {width: 80, order: 'logical', shape: false, dir: 'auto', baseDir: 'ltr'};
	const text = exportTextBytes(big, options).toString();
	assert.equal((text.match(/^a$/gm) ?? []).length, 200_000);
});
