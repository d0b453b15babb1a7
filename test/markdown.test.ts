import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {type Block} from '../src/model/article.js';
import fc from 'fast-check';
import {decodeHTMLStrict} from 'entities/decode';
import {Lexer, Tokenizer} from 'marked';
import {decodeEntities} from '../src/parse/entities.js';
import {splitFrontMatter} from '../src/parse/front-matter.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {INLINE_LIMIT, INLINE_SYNTAX_LIMIT, PlainTokenizer, plainInlineTokens, splitInline} from '../src/parse/marked-adapter.js';
import {LazySection} from '../src/parse/sections.js';
import {textStats} from '../src/parse/text-stats.js';
import {inlineText} from '../src/parse/tokens-to-blocks.js';
import {seedParagraphs} from './helpers/article.js';

const bundled = readFileSync(new URL('../content/assad-putin-moscow.md', import.meta.url), 'utf8');

const count = (blocks: readonly Block[], kind: Block['kind']) => blocks.filter((b) => b.kind === kind).length;

test('the bundled article: title, metadata, three sections', () => {
	const article = parseMarkdown(bundled);
	assert.equal(article.title, seedParagraphs[0]);
	assert.equal(article.lang, 'ar');
	assert.equal(article.dir, 'rtl');
	assert.deepEqual(
		article.sections.map((s) => [s.index, s.title, s.level, s.direction]),
		[
			[1, seedParagraphs[0], 0, 'rtl'],
			[2, 'التعاون العسكري والسياسي', 2, 'rtl'],
			[3, 'التعاون الاقتصادي', 2, 'rtl'],
		],
	);
});

test('the bundled article: paragraphs per section and the quote', () => {
	const [lead, military, economy] = parseMarkdown(bundled).sections;
	assert.ok(lead && military && economy);
	assert.deepEqual([count(lead.blocks, 'paragraph'), count(military.blocks, 'paragraph'), count(economy.blocks, 'paragraph')], [5, 15, 9]);
	assert.equal(count(military.blocks, 'quote'), 1);
	const quote = military.blocks.find((b) => b.kind === 'quote');
	assert.ok(quote?.kind === 'quote');
	assert.deepEqual(
		quote.blocks.map((b) => (b.kind === 'paragraph' ? inlineText(b.inline).slice(0, 15) : b.kind)),
		['تصريح صحفي حول ', 'تم النشر بواسطة'],
	);
	// 5 + 15 + 9 paragraphs + 2 quoted = the 33 of the seed after the title, less the 2 headings.
	assert.equal(5 + 15 + 9 + 2, seedParagraphs.length - 1 - 2);
});

test('the bundled article: every paragraph kept exactly as received', () => {
	const article = parseMarkdown(bundled);
	const texts = new Set<string>();
	const walk = (blocks: readonly Block[]): void => {
		for (const b of blocks) {
			if (b.kind === 'paragraph' || b.kind === 'heading') texts.add(inlineText(b.inline));
			if (b.kind === 'quote') walk(b.blocks);
		}
	};
	for (const s of article.sections) {
		texts.add(s.title);
		walk(s.blocks);
	}
	for (const p of seedParagraphs) assert.ok(texts.has(p), `missing or edited: ${p.slice(0, 40)}`);
});

test('word counts and reading time', () => {
	const article = parseMarkdown(bundled);
	for (const s of article.sections) {
		assert.ok(s.words > 100, `section ${s.index} has ${s.words} words`);
		assert.equal(s.minutes, Math.max(1, Math.round(s.words / 138)));
	}
});

test('LazySection: its content is parsed when blocks, words, minutes or direction is read, not by a spread', () => {
	let parsed = 0;
	const blocks: Block[] = [{kind: 'paragraph', inline: [{text: 'שלום עולם', style: {}}]}];
	const part = {
		heading: {kind: 'heading', level: 2, inline: [{text: 'Title', style: {}}]} as const,
		size: 42,
		content: () => {
			parsed++;
			return {blocks, stats: () => textStats('שלום עולם'), prose: () => ({rtl: 8, ltr: 0})};
		},
	};
	const section = new LazySection(part, 3, 'Title', 'he', 'ltr');
	assert.deepEqual({...section}, {index: 3, title: 'Title', level: 2, size: 42});
	assert.equal(parsed, 0, 'a spread copies what is known without parsing');
	assert.equal(section.words, 2);
	assert.equal(section.direction, 'rtl');
	assert.equal(section.blocks, blocks);
	assert.equal(JSON.stringify(section), JSON.stringify({index: 3, title: 'Title', level: 2, size: 42, blocks, words: 2, minutes: 1, direction: 'rtl'}));
	assert.ok(parsed >= 1);
	const article = parseMarkdown('# T\n\na\n\n## A\n\nb');
	assert.equal(
		JSON.stringify(article.sections[1]),
		JSON.stringify({
			index: 2,
			title: 'A',
			level: 2,
			size: 7,
			blocks: [{kind: 'paragraph', inline: [{text: 'b', style: {}}]}],
			words: 1,
			minutes: 1,
			direction: 'ltr',
		}),
	);
});

const frontMatterCases: [string, Record<string, string>, string][] = [
	['---\ntitle: A\nlang: he\n---\nbody', {title: 'A', lang: 'he'}, 'body'],
	['---\ntitle: "Quoted: yes"\n---\n', {title: 'Quoted: yes'}, ''],
	['no front matter\n---\n', {}, 'no front matter\n---\n'],
	['---\nunclosed: x\n', {}, '---\nunclosed: x\n'],
];
for (const [source, meta, body] of frontMatterCases) {
	test(`front matter: ${JSON.stringify(source).slice(0, 30)}`, () => {
		assert.deepEqual(splitFrontMatter(source), {meta, body});
	});
}

// [markdown, section titles, article title, dir]
const sectionCases: [string, string[], string, string][] = [
	['# T\n\nlead\n\n## A\n\na\n\n## B\n\nb', ['T', 'A', 'B'], 'T', 'ltr'],
	// Issue 12, 7: the title heads an empty lead, so export and sections keep it.
	['# T\n\n## A\n\na', ['T', 'A'], 'T', 'ltr'],
	['lead only', ['x'], 'x', 'ltr'],
	['', ['x'], 'x', 'ltr'],
	['# T\n\n### deep\n\nx\n\n### deeper\n\ny', ['T', 'deep', 'deeper'], 'T', 'ltr'],
	// Issue 12, 11: the first heading names the article before the file name does.
	['# One\n\na\n\n# Two\n\nb', ['One', 'Two'], 'One', 'ltr'],
	['---\ndir: rtl\n---\nhello', ['x'], 'x', 'rtl'],
	['---\nlang: fa\n---\nhello', ['x'], 'x', 'rtl'],
	['שלום עולם, hello', ['x'], 'x', 'rtl'],
];
for (const [source, titles, title, dir] of sectionCases) {
	test(`sections of ${JSON.stringify(source).slice(0, 40)}`, () => {
		const article = parseMarkdown(source, {fallbackTitle: 'x'});
		assert.deepEqual(
			article.sections.map((s) => s.title),
			titles,
		);
		assert.equal(article.title, title);
		assert.equal(article.dir, dir);
	});
}

test('blocks and inline styles', () => {
	const article = parseMarkdown(
		'# T\n\n**b** *e* `c` [l](http://x) ~~s~~ &amp; a\\*b\n\n- one\n- two\n  1. nested\n\n> q\n\n```js\nx = 1\n```\n\n| h1 | h2 |\n|:--|--:|\n| a | b |\n\n---\n',
	);
	const blocks = article.sections[0]?.blocks ?? [];
	assert.deepEqual(
		blocks.map((b) => b.kind),
		['paragraph', 'list', 'quote', 'code', 'table', 'rule'],
	);
	const para = blocks[0];
	assert.ok(para?.kind === 'paragraph');
	assert.deepEqual(para.inline, [
		{text: 'b', style: {strong: true}},
		{text: ' ', style: {}},
		{text: 'e', style: {emphasis: true}},
		{text: ' ', style: {}},
		{text: 'c', style: {code: true}},
		{text: ' ', style: {}},
		{text: 'l', style: {href: 'http://x'}},
		{text: ' ', style: {}},
		{text: 's', style: {strike: true}},
		{text: ' & a*b', style: {}},
	]);
	const list = blocks[1];
	assert.ok(list?.kind === 'list' && !list.ordered && list.items.length === 2);
	assert.deepEqual(
		list.items[1]?.map((b) => b.kind),
		['paragraph', 'list'],
	);
	const table = blocks[4];
	assert.ok(table?.kind === 'table');
	assert.deepEqual(table.align, ['left', 'right']);
	assert.equal(table.rows.length, 1);
});

test('raw HTML is shown as text without tags, never rendered', () => {
	const article = parseMarkdown('<div onclick="x">hi <b>there</b></div>\n\ntext <script>bad()</script>');
	const texts = (article.sections[0]?.blocks ?? []).map((b) => (b.kind === 'paragraph' ? inlineText(b.inline) : b.kind));
	assert.deepEqual(texts, ['hi there', 'text bad()']);
});

test('text without inline syntax: the same tokens as marked, without its inline rules', () => {
	const alphabet = [
		'a',
		'Z',
		'0',
		' ',
		'  ',
		'\n',
		'\t',
		'ب',
		'ة',
		'\u064e',
		'א',
		'.',
		',',
		'(',
		')',
		'#',
		'-',
		'+',
		'=',
		'|',
		'"',
		"'",
		'?',
		'%',
		'$',
		'/',
		'h',
		't',
		'p',
		's',
		'w',
		'W',
		'\u00a0',
		'😀',
		':',
		'http:',
		'HTTPS:/',
		'ftp:',
		'mailto:',
		'xmpp:',
		'//',
	];
	const syntax = ['\\', '<', '>', '[', ']', '!', '`', '*', '_', '~', '&', '@', '://', 'www.', 'WWW.', '  \n', 'http://x.example', '&amp;'];
	let plain = 0;
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...alphabet, ...alphabet, ...syntax), {maxLength: 30}), (pieces) => {
			const src = pieces.join('');
			const fast = plainInlineTokens(src);
			const marked = new Lexer({gfm: true}).inlineTokens(src, []);
			if (fast === undefined) return;
			plain++;
			assert.deepEqual(fast, marked, JSON.stringify(src));
		}),
		{numRuns: 3000},
	);
	assert.ok(plain > 500, `${plain} of 3000 texts had no inline syntax`);
	// Every syntax piece alone is seen as syntax.
	for (const piece of syntax) assert.equal(plainInlineTokens(`a ${piece} b`), undefined, JSON.stringify(piece));
});

test('paragraphs of plain lines: the same tokens as marked, without its table and setext rules', () => {
	const lines = ['Plain words', 'نص عربي', '"quoted"', "'single'", '(aside)', 'ends in spaces  ', 'a | b', 'x: y', '«guillemets»', '', '', ' ', '\t', ' \t '];
	const other = [
		'# heading',
		'- item',
		'1. one',
		'> quote',
		'    code',
		'```',
		'---',
		'===',
		'|a|',
		'|---|---|',
		':--',
		'<div>',
		'[x]: y',
		' lead',
		'\u3000ideographic space',
		'2024 began',
		'*em*',
		'- - -',
		'   > quote',
		'    > code',
		'  # heading',
		'#no heading',
		'   <div>',
		'<!-- c -->',
		'<span>x</span>',
		' [x]: /y',
		'[x] y',
		'  ~~~',
		'~~~',
		'   * * *',
		'___',
		'+ plus',
		'* star',
		'12) twelve',
		'1234567890. long',
		'\t- tab',
		' \t> tab',
	];
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...lines, ...lines, ...other), {maxLength: 14}), fc.boolean(), (picked, newline) => {
			const text = picked.join('\n') + (newline ? '\n' : '');
			const fast = new Lexer({gfm: true, tokenizer: new PlainTokenizer()});
			const marked = new Lexer({gfm: true});
			assert.deepEqual(fast.blockTokens(text, []), marked.blockTokens(text, []), JSON.stringify(text));
			assert.deepEqual(fast.inlineQueue, marked.inlineQueue, JSON.stringify(text));
		}),
		{numRuns: 4000},
	);
	// The shortcut is taken: a plain paragraph costs no call to marked's table and setext rules.
	let calls = 0;
	const tokenizer = new PlainTokenizer();
	const table = Tokenizer.prototype.table;
	const lheading = Tokenizer.prototype.lheading;
	Tokenizer.prototype.table = function (this: Tokenizer, src: string) {
		calls++;
		return table.call(this, src);
	};
	Tokenizer.prototype.lheading = function (this: Tokenizer, src: string) {
		calls++;
		return lheading.call(this, src);
	};
	try {
		new Lexer({gfm: true, tokenizer}).blockTokens('نص عربي\nsecond line\n\n(third)\n', []);
		assert.equal(calls, 0);
		new Lexer({gfm: true, tokenizer}).blockTokens('نص\n|---|\n', []);
		assert.ok(calls > 0);
	} finally {
		Tokenizer.prototype.table = table;
		Tokenizer.prototype.lheading = lheading;
	}
});

test('splitInline: pieces make the text again, each within the limits; text within them is one piece', () => {
	const syntax = /[\\<![\]()`*_~@]/g;
	const count = (text: string): number => text.match(syntax)?.length ?? 0;
	const atom = fc.constantFrom('a', 'ب', ' ', '\n', '*', '_', '[', ']', '(', ')', '`', '~', '@', '!', '<', '\\', '😀', 'word ', '**b** ');
	fc.assert(
		fc.property(fc.array(atom, {maxLength: 3000}), fc.integer({min: 1, max: 4}), (atoms, repeat) => {
			const text = atoms.join('').repeat(repeat);
			const pieces = splitInline(text);
			assert.equal(pieces.join(''), text);
			if (text.length <= INLINE_LIMIT * 2 && count(text) <= INLINE_SYNTAX_LIMIT * 2) assert.equal(pieces.length, 1);
			else
				for (const piece of pieces) {
					assert.ok(piece.length <= INLINE_LIMIT + 1, `piece of ${piece.length} units`);
					assert.ok(count(piece) <= INLINE_SYNTAX_LIMIT, `piece with ${count(piece)} syntax characters`);
					assert.ok(!/^[\udc00-\udfff]/.test(piece), 'a piece starts inside a surrogate pair');
				}
		}),
		{numRuns: 300},
	);
});

test('decodeEntities: the same text as the table would give, with or without a reference start (entities.ts Logic 5)', () => {
	const piece = fc.constantFrom('&', '#', 'a', 'Z', '1', ';', ' ', 'x', '&amp;', '&hellip;', '&#1575;', '&#x61C;', '& ', '&&', '&;', '\u0627');
	fc.assert(
		fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
			const text = pieces.join('');
			assert.equal(decodeEntities(text), decodeHTMLStrict(text));
		}),
		{numRuns: 2000},
	);
});
