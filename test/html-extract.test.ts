// Web pages → Articles: exactly the article's paragraphs (every one, none of
// the chrome around them), its headings as sections, title, metadata and
// direction; and the DOM walk's rules one by one.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Article, type Block} from '../src/model/article.js';
import {Readability} from '@mozilla/readability';
import {parseHTML} from 'linkedom';
import {limitSourceNesting} from '../src/parse/html/dom.js';
import {NOT_CONTENT, parseHtml} from '../src/parse/html/index.js';
import {blocksPlain} from '../src/parse/html/sections.js';
import {pages} from './helpers/web-pages.js';

/** Every line of the article's text (section titles included), bidi marks and isolates removed. */
function linesOf(article: Article): string[] {
	const lines: string[] = [article.title];
	for (const section of article.sections) {
		lines.push(section.title);
		lines.push(...blocksPlain(section.blocks).split('\n'));
	}
	return lines
		.map((l) =>
			l
				.replace(/[\u200e\u200f\u2066-\u2069]/g, '')
				.replace(/\s+/g, ' ')
				.trim(),
		)
		.filter(Boolean);
}

for (const page of pages) {
	test(`${page.name}: every paragraph, no boilerplate, headings, title, metadata, direction`, () => {
		const {article, extracted} = parseHtml(page.html, {url: `http://127.0.0.1/${page.name}.html`});
		assert.equal(extracted, true);
		const lines = linesOf(article);
		const text = lines.join('\n');
		for (const p of page.paragraphs) assert.ok(lines.includes(p.replace(/\s+/g, ' ')), `${page.name}: paragraph missing: ${p.slice(0, 60)}`);
		for (const b of page.boilerplate) assert.ok(!text.includes(b), `${page.name}: boilerplate leaked: ${b}`);
		assert.equal(article.title, page.title);
		assert.deepEqual(
			article.sections.slice(1).map((s) => s.title),
			page.headings,
		);
		assert.equal(article.dir, page.dir);
		assert.equal(article.lang, page.lang);
		for (const [key, value] of Object.entries(page.meta)) assert.equal(article.meta[key], value, `${page.name}: meta.${key}`);
		assert.equal(article.meta['url'], `http://127.0.0.1/${page.name}.html`);
	});
}

const wrap = (inner: string, attrs = ''): string => `<!doctype html><html${attrs}><head><title>T</title></head><body>${inner}</body></html>`;
const rawBlocks = (inner: string, attrs = ''): Block[] => parseHtml(wrap(inner, attrs), {raw: true}).article.sections.flatMap((s) => [...s.blocks]);

test('the walk: paragraphs, lists, quotes, code, tables, figures, links, br, emphasis', () => {
	const blocks = rawBlocks(
		'<p>a <em>b</em> <strong>c</strong> <code>d</code> <del>e</del> <a href="https://x.org/">f</a><br>g</p>' +
			'<ol start="3"><li>one</li><li><p>two</p><ul><li>nested</li></ul></li></ol>' +
			'<blockquote><p>q</p></blockquote><pre class="language-js">let a;\n  b();\n</pre>' +
			'<table><thead><tr><th align="right">h1</th><th>h2</th></tr></thead><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>' +
			'<figure><img src="x.png" alt="a cat"><figcaption>A cat.</figcaption></figure><img src="y.png"><hr>',
	);
	assert.deepEqual(blocks[0], {
		kind: 'paragraph',
		inline: [
			{text: 'a ', style: {}},
			{text: 'b', style: {emphasis: true}},
			{text: ' ', style: {}},
			{text: 'c', style: {strong: true}},
			{text: ' ', style: {}},
			{text: 'd', style: {code: true}},
			{text: ' ', style: {}},
			{text: 'e', style: {strike: true}},
			{text: ' ', style: {}},
			{text: 'f', style: {href: 'https://x.org/'}},
			{text: '\u2028g', style: {}},
		],
	});
	assert.deepEqual(blocks[1], {
		kind: 'list',
		ordered: true,
		start: 3,
		items: [
			[{kind: 'paragraph', inline: [{text: 'one', style: {}}]}],
			[
				{kind: 'paragraph', inline: [{text: 'two', style: {}}]},
				{kind: 'list', ordered: false, start: 1, items: [[{kind: 'paragraph', inline: [{text: 'nested', style: {}}]}]], tight: true},
			],
		],
	});
	assert.deepEqual(blocks[2], {kind: 'quote', blocks: [{kind: 'paragraph', inline: [{text: 'q', style: {}}]}]});
	assert.deepEqual(blocks[3], {kind: 'code', lang: 'js', text: 'let a;\n  b();'});
	const cell = (t: string): {text: string; style: object}[] => (t ? [{text: t, style: {}}] : []);
	assert.deepEqual(blocks[4], {
		kind: 'table',
		align: ['right', null],
		header: [cell('h1'), cell('h2')],
		rows: [
			[cell('1'), cell('2')],
			[cell('3'), cell('')],
		],
	});
	assert.deepEqual(blocks.slice(5), [
		{kind: 'paragraph', inline: [{text: '[image: a cat]', style: {}}]},
		{kind: 'paragraph', inline: [{text: 'A cat.', style: {}}]},
		{kind: 'paragraph', inline: [{text: '[image]', style: {}}]},
		{kind: 'rule'},
	]);
});

test('the walk: headings become sections by the Markdown rules', () => {
	const {article} = parseHtml(wrap('<h1>Only</h1><p>lead</p><h3>A</h3><p>a</p><h4>a.1</h4><p>x</p><h3>B</h3><p>b</p>'), {raw: true});
	assert.equal(article.title, 'T');
	assert.deepEqual(
		article.sections.map((s) => [s.title, s.level]),
		[
			['T', 0],
			['A', 3],
			['B', 3],
		],
	);
	assert.equal(parseHtml('<html><body><h1>From H1</h1><p>x</p></body></html>', {raw: true}).article.title, 'From H1');
	assert.equal(parseHtml('<html><body><p>x</p></body></html>', {raw: true, fallbackTitle: 'page'}).article.title, 'page');
});

test('direction: <html dir>, lang, letters; dir on a paragraph marks it, dir inline isolates it', () => {
	assert.equal(parseHtml(wrap('<p>Hello</p>', ' dir="rtl"'), {raw: true}).article.dir, 'rtl');
	assert.equal(parseHtml(wrap('<p>Hello</p>', ' DIR=RTL LANG=AR'), {raw: true}).article.dir, 'rtl', 'upper-case attributes (linkedom#235)');
	assert.equal(parseHtml(wrap('<p>Hello</p>', ' LANG=HE'), {raw: true}).article.lang, 'HE');
	assert.equal(parseHtml(wrap('<p>Hello</p>', ' lang="fa"'), {raw: true}).article.dir, 'rtl');
	assert.equal(parseHtml(wrap('<p>שלום עולם וכל יושביו</p><p>hi</p>'), {raw: true}).article.dir, 'rtl');
	const [para] = rawBlocks('<p dir="rtl">HTML5 هو معيار</p>');
	assert.deepEqual(para, {kind: 'paragraph', inline: [{text: '\u200fHTML5 هو معيار', style: {}}]});
	const [same] = rawBlocks('<p dir="rtl">هو معيار</p>');
	assert.deepEqual(same, {kind: 'paragraph', inline: [{text: 'هو معيار', style: {}}]}, 'no mark where the letters already say it');
	const [quoted] = rawBlocks('<p>He said <q dir="rtl">سلام</q> and <bdi>שלום</bdi>.</p>');
	assert.deepEqual(quoted, {kind: 'paragraph', inline: [{text: 'He said \u2067"سلام"\u2069 and \u2068שלום\u2069.', style: {}}]});
});

test('hostile markup: no script, no hidden text, no javascript: link, no control from entities or attributes', () => {
	const blocks = rawBlocks(
		'<script>alert(1)</script><style>p{}</style><p onclick="x()">ok <a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a></p>' +
			'<p hidden>h1</p><p style="display: none">h2</p><div style="visibility:hidden">h3</div><p aria-hidden="true">h4</p>' +
			'<p>esc&#27;[31mred&#x9b;2J &#7;bell</p><img alt="&#27;]8;;evil&#7;x">' +
			'<noscript>ns</noscript><template><p>tpl</p></template><iframe srcdoc="<p>if</p>"></iframe><svg><text>svg</text></svg>',
	);
	const text = blocksPlain(blocks);
	// &#x9b; is U+203A by HTML's table for numeric references to C1 code points.
	assert.equal(text, 'ok js data\nesc[31mred\u203a2J bell\n[image: ]8;;evilx]');
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(text, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
	const spans = blocks[0]?.kind === 'paragraph' ? blocks[0].inline : [];
	assert.ok(
		spans.every((s) => s.style.href === undefined),
		'no href kept for javascript: or data:',
	);
});

test('nesting 100,000 deep is read as text, not a stack overflow or a hang', () => {
	const deep = `${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}`;
	const {article} = parseHtml(wrap(deep), {raw: true});
	assert.match(blocksPlain(article.sections[0]?.blocks ?? []), /deep text/);
	const {article: extracted} = parseHtml(wrap(deep));
	assert.match(blocksPlain(extracted.sections[0]?.blocks ?? []), /deep text/);
});

test('a page Readability finds no article in is shown whole, and says so', () => {
	const r = parseHtml('<html><body></body></html>');
	assert.equal(r.extracted, false);
	assert.equal(r.article.sections.length, 1);
});

test('limitSourceNesting drops only tags beyond the limit, never text, and leaves ordinary pages alone', () => {
	const deep = `${'<div>'.repeat(5)}x<b>y</b>${'</div>'.repeat(5)}`;
	assert.equal(limitSourceNesting(deep, 3), '<div><div><div>xy</div></div></div>');
	const manyItems = `<ul>${'<li>item'.repeat(5000)}</ul><p>${'<br>'.repeat(3000)}`;
	assert.equal(limitSourceNesting(manyItems, 3), manyItems, 'optional end tags and void elements do not nest');
	const script = `<script>${'<div>'.repeat(50)}</script>${'<i>'.repeat(3)}t`;
	assert.equal(limitSourceNesting(script, 3), script);
});

test('the article starts with its metadata line: byline · site · date · host (linked)', () => {
	const page = pages[0];
	assert.ok(page);
	const {article} = parseHtml(page.html, {url: 'https://news.example/2021/09/assad.html'});
	const first = article.sections[0]?.blocks[0];
	assert.deepEqual(first, {
		kind: 'paragraph',
		inline: [
			{text: 'فريق التحرير', style: {emphasis: true}},
			{text: ' · ', style: {}},
			{text: 'أخبار الآن', style: {}},
			{text: ' · ', style: {}},
			{text: '\u20662021-09-14\u2069', style: {}},
			{text: ' · ', style: {}},
			{text: '\u2066news.example\u2069', style: {href: 'https://news.example/2021/09/assad.html'}},
		],
	});
	assert.equal(article.sections[0]?.title, article.title, 'the title is not repeated as a section');
});

test("nothing of Readability's own extraction is lost in the walk: every <p>, <li>, heading and cell of its content comes out", () => {
	for (const page of pages) {
		const document = parseHTML(page.html).document;
		// The same removals as parseHtml's before Readability (ads, navboxes, edit links): the walk is what is compared.
		for (const el of Array.from(document.querySelectorAll(NOT_CONTENT) as ArrayLike<{remove(): void}>)) el.remove();
		const content = new Readability(document as never).parse()?.content ?? '';
		const own = parseHTML(`<html><body>${content}</body></html>`).document;
		const expected = Array.from(
			own.querySelectorAll('p, li, h2, h3, td, th, figcaption') as ArrayLike<{textContent: string | null; querySelector(s: string): unknown}>,
		)
			.filter((el) => !el.querySelector('p, li, table'))
			.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
			.filter(Boolean);
		assert.ok(expected.length >= 5, `${page.name}: Readability's content has blocks`);
		const {article} = parseHtml(page.html);
		// Compared without spaces (textContent joins the lines a <br> breaks) and quote marks (qari shows <q> in them).
		const squeeze = (t: string): string => t.replace(/[\s"]+/g, '');
		const text = squeeze(linesOf(article).join(''));
		for (const e of expected) assert.ok(text.includes(squeeze(e)), `${page.name}: Readability has '${e.slice(0, 60)}', qari does not`);
	}
});
