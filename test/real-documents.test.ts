// Issue 12: what people actually write in Arabic, Persian, Hebrew and Urdu
// Markdown. Each reproduction of the issue is a test here; the corpus tests
// run over test/fixtures/real/ (MANIFEST.md says where each document comes
// from and what a reader of its language expects).

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {layoutBlocks, type LayoutOptions} from '../src/layout/blocks.js';
import {type Block, type Inline} from '../src/model/article.js';
import {type Line} from '../src/model/line.js';
import {forEachLeafBlock} from '../src/model/walk.js';
import {exportJson} from '../src/output/export.js';
import {exportText} from './helpers/export-text.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {sectionLevel} from '../src/parse/section-plan.js';
import {hasUnprintable} from '../src/parse/sanitize.js';
import {createBook} from '../src/reader/book.js';
import {removeBidiControls} from '../src/text/char-class.js';
import {paragraphDirection} from '../src/text/direction.js';
import {replaceShortcodes} from '../src/parse/emoji.js';
import {superscript} from '../src/parse/footnotes.js';
import {decodeEntities} from '../src/parse/entities.js';
import {layoutParagraph} from '../src/text/paragraph.js';
import {unshapeArabic} from '../src/text/shape.js';

test('entities: every HTML5 named reference, the bidi marks and joiners as characters (issue 12, 1)', () => {
	assert.equal(
		decodeEntities('C++&lrm; و Python&rlm; &emsp;x a&zwnj;b &hellip; &mdash; &laquo;ق&raquo; &copy;'),
		'C++\u200e و Python\u200f \u2003x a\u200cb … — «ق» ©',
	);
	assert.equal(decodeEntities('a&zwj;b &#x61C;'), 'a\u200db \u061c');
	assert.equal(decodeEntities('n&nbsp;log(n) &amp; &lt;b&gt; &quot;&apos;'), 'n\u00a0log(n) & <b> "\'');
	assert.equal(decodeEntities('Node.js&reg; &NotNestedGreaterGreater;'), 'Node.js® \u2aa2\u0338');
});

test('entities: only references closed by a semicolon, as CommonMark reads them; bad numbers are U+FFFD', () => {
	assert.equal(decodeEntities('&copy &amp AT&T &notanentity; &'), '&copy &amp AT&T &notanentity; &');
	assert.equal(decodeEntities('&#0; &#xD800; &#x110000; &#65; &#x41;'), '\ufffd \ufffd \ufffd A A');
	assert.equal(decodeEntities('&#27;'), '\u001b', 'controls are the caller’s to strip');
});

// ---- inline code in bidi text (issue 12, 4–6) ----------------------------------------------

const visual = (spans: readonly {text: string; style: {code?: boolean; href?: string}}[], dir: 'auto' | 'ltr' | 'rtl' = 'auto') => {
	const laid = layoutParagraph(spans, {width: 0, order: 'visual', shape: true, dir, fallback: 'ltr'});
	return {
		direction: laid.direction,
		text: laid.lines.map((line) => line.runs.map((run) => run.text).join('')).join('\n'),
		runs: laid.lines.flatMap((l) => l.runs),
	};
};
const code = (text: string) => ({text, style: {code: true}});
const prose = (text: string) => ({text, style: {}});

/** GNU FriBidi's visual order of one plain line (base direction: its first strong character). */
function fribidiLine(line: string): string {
	const result = spawnSync('fribidi', ['--nobreak', '--nopad', '--reordernsm'], {input: `${line}\n`, encoding: 'utf8'});
	if (result.error) throw result.error;
	return result.stdout.replace(/\n$/, '');
}

test('a code span next to Latin words acts as a strong LTR unit: the phrase keeps its order, as FriBidi reads the plain text (issue 12, 5)', () => {
	const spans = [prose('הריצו finally running '), code('npm ci'), prose(' עכשיו.')];
	const got = visual(spans);
	assert.equal(got.direction, 'rtl');
	assert.ok(got.text.includes('finally running npm ci'), got.text);
	assert.equal(got.text, fribidiLine('הריצו finally running npm ci עכשיו.'));
	assert.equal(visual([code('eval'), prose(' is evil')]).text, 'eval is evil');
	assert.equal(visual([prose('ב-'), code('git switch'), prose(' השתמשו')]).text, fribidiLine('ב-git switch השתמשו'));
});

test('RTL text inside a code span reads right to left (first-strong isolate) and stays one unit (issue 12, 6)', () => {
	const got = visual([prose('האורך הוא '), code('7 מטרים'), prose(' בדיוק')]);
	assert.equal(got.text, fribidiLine('האורך הוא 7 מטרים בדיוק'));
	// In an LTR sentence the span is still RTL inside: "7 meters" is not "meters 7".
	assert.equal(visual([prose('The value '), code('7 מטרים'), prose(' is right')]).text, `The value ${[...'מטרים'].reverse().join('')} 7 is right`);
});

test('a paragraph that starts with a code span takes its direction from the text after it (the marks around code do not count for P2)', () => {
	assert.equal(visual([code('npm ci'), prose(' را اجرا کنید')]).direction, 'rtl');
	assert.equal(visual([code('B'), prose(' '), {text: 'قائمة مرتبطة', style: {href: 'src/list'}}]).direction, 'rtl');
	assert.equal(
		layoutParagraph([code('npm ci'), prose(' را اجرا کنید')], {width: 0, order: 'logical', shape: false, dir: 'auto', fallback: 'ltr'}).direction,
		'rtl',
	);
});

test('inline code is shaped, on its own: Arabic letters in a span join (issue 12, 4)', () => {
	const got = visual([prose('اكتب '), code('کد درون‌خطی'), prose(' هنا')]);
	const span = got.runs.find((run) => (run.style as {code?: boolean}).code);
	assert.ok(span, 'a code run');
	assert.match(span.text, /[\ufb50-\ufdff\ufe70-\ufeff]/, 'presentation forms in the code run');
	assert.equal(unshapeArabic(span.text).replace(/[\u200e\u200f\u2066-\u2069]/g, ''), [...'کد درون‌خطی'].reverse().join('').replace('\u200c', '\u200c'));
});

// ---- code blocks (issue 12, 4) ------------------------------------------------------------

const lineText = (line: Line) => line.runs.map((run) => run.text).join('');
const codeLines = (text: string, options: Partial<LayoutOptions> = {}) =>
	layoutBlocks([{kind: 'code', lang: '', text}], {width: 60, order: 'visual', shape: true, dir: 'auto', baseDir: 'rtl', ...options}).map(lineText);

/** FriBidi's visual order of a line with an LTR base, shaped, the shaper's filler dropped. */
function fribidiLtr(line: string): string {
	const result = spawnSync('fribidi', ['--ltr', '--nobreak', '--nopad', '--reordernsm'], {input: `${line}\n`, encoding: 'utf8'});
	if (result.error) throw result.error;
	return result.stdout.replace(/\n$/, '').replaceAll('\ufeff', '');
}

test('a code line with RTL text goes through the bidi algorithm with an LTR base and is shaped, as FriBidi shows it (issue 12, 4)', () => {
	for (const line of [
		'print("سلام دنیا")  # چاپ پیام',
		">>> normalizer.normalize('اصلاح نويسه ها و استفاده از نیم‌فاصله پردازش را آسان مي كند')",
		"{isPending ? 'در انتظار: ' + pending : 'صحیح'}",
		'سيئ : * [كتاب آخر رائع] (http://example.com/book.html)',
		'echo "שלום עולם" > hello.txt',
	]) {
		const [got] = codeLines(line, {width: 0});
		assert.equal(got?.trimStart(), fribidiLtr(line), line);
	}
	// Not shaped when shaping is off; logical order leaves the line as it is.
	assert.equal(codeLines('x = "سلام"', {width: 0, shape: false})[0]?.trimStart(), 'x = "مالس"');
	assert.equal(codeLines('x = "سلام"', {width: 0, order: 'logical', shape: false})[0]?.trimStart(), 'x = "سلام"');
});

test('a long RTL code line wraps where an LTR one would, each piece reordered on its own', () => {
	const line = `${'ب'.repeat(10)} ${'a'.repeat(10)}`;
	const lines = codeLines(line, {width: 14});
	// Ten cells of content a piece (14 − 4 indent), the continuation mark after all but the last.
	assert.deepEqual(
		lines.map((l) => unshapeArabic(l.trimStart()).replace('↩', '')),
		['ب'.repeat(9), `ب ${'a'.repeat(7)}`, 'aaa'],
	);
});

// ---- direction of paragraphs, lists, quotes and tables (issue 12, 2, 3, 14) ---------------

const para = (text: string): Block => ({kind: 'paragraph', inline: [{text, style: {}}]});
const laidOut = (blocks: Block[], options: Partial<LayoutOptions> = {}) =>
	layoutBlocks(blocks, {width: 40, order: 'visual', shape: false, dir: 'auto', baseDir: 'rtl', ...options}).map(lineText);
/** Whether a laid-out line hugs the right edge of `width` (an RTL row) rather than the left. */
const hugsRight = (line: string | undefined, width = 40) => !!line && line.startsWith(' ') && stringWidth(line) === width;

test('HL1: in an RTL context a mostly-RTL paragraph that starts with a Latin word is RTL; mostly-Latin ones keep first-strong (issue 12, 3)', () => {
	const persian = 'HTML مخفف عبارت HyperText Markup Language است و برای ساخت صفحات وب به کار می‌رود';
	const lines = laidOut([para(persian)], {width: 60});
	assert.ok(
		lines.every((line) => hugsRight(line, 60)),
		lines.join('\n'),
	);
	// The reading order: "HTML" is the rightmost word of the first line.
	assert.ok(lines[0]?.trimEnd().endsWith('HTML'), lines[0]);
	// The same paragraph in an LTR article: first strong (UAX #9's default), left.
	assert.ok(!hugsRight(laidOut([para(persian)], {width: 60, baseDir: 'ltr'})[0], 60));
	// An English sentence quoted in an RTL article stays LTR.
	assert.equal(laidOut([para('GitHub Actions runs the tests, see גיטהאב')], {width: 60})[0], 'GitHub Actions runs the tests, see באהטיג');
	// --dir forces every paragraph.
	assert.ok(!hugsRight(laidOut([para(persian)], {width: 60, dir: 'ltr'})[0], 60));
});

test('a list or quote takes its side from its own items, not the article’s (issue 12, 2)', () => {
	const item = (text: string): Block[] => [para(text)];
	const persianList: Block = {
		kind: 'list',
		ordered: false,
		start: 1,
		items: [item('GitHub Actions تست‌ها را اجرا می‌کند'), item('یک مورد دیگر'), item('C: یک زبان بسیار سطح پایین است.')],
	};
	// In an LTR article (a Persian README the letter count got wrong), the bullets still go right.
	for (const baseDir of ['ltr', 'rtl'] as const) {
		const lines = laidOut([persianList], {baseDir});
		assert.ok(
			lines.filter((l) => l.trim()).every((l) => hugsRight(l) && l.endsWith(' •')),
			`${baseDir}:\n${lines.join('\n')}`,
		);
	}
	// An English table of contents inside an RTL article: bullets on the left.
	const toc: Block = {kind: 'list', ordered: false, start: 1, items: [item('Arduino'), item('Artificial Intelligence'), item('تعلم JavaScript')]};
	const tocLines = laidOut([toc]);
	assert.deepEqual(tocLines.slice(0, 2), ['• Arduino', '• Artificial Intelligence']);
	// An item of English book title in an RTL list keeps the list RTL (the majority decides).
	const books: Block = {
		kind: 'list',
		ordered: false,
		start: 1,
		items: [
			item('أردوينو السهل - Abdallah Ali Abdallah (PDF)'),
			item('Eloquent Javascript (Second Edition) - Marijn Haverbeke'),
			item('تعلم JavaScript - Cody Lindley'),
		],
	};
	assert.ok(laidOut([books], {width: 60, baseDir: 'ltr'}).every((l) => l.endsWith(' •')));
});

test('a table takes its direction from its header; one alignment per column, the start side unless the delimiter row says (issue 12, 14)', () => {
	const cell = (text: string) => [{text, style: {}}];
	const numbers: Block = {
		kind: 'table',
		align: [null, null],
		header: [cell('Big O Notation'), cell('1000 elements')],
		rows: [
			[cell('O(1)'), cell('1')],
			[cell('O(2^N)'), cell('1.07e+301')],
		],
	};
	// An English-headed table in an RTL article: columns left to right, every cell on the left.
	assert.deepEqual(laidOut([numbers]), [
		'Big O Notation │ 1000 elements',
		'───────────────┼──────────────',
		'O(1)           │ 1            ',
		'O(2^N)         │ 1.07e+301    ',
	]);
	const arabic: Block = {
		kind: 'table',
		align: [null, 'center'],
		header: [cell('المصدر'), cell('كتب')],
		rows: [
			[cell('OMDb'), cell('1')],
			[cell('Open Library'), cell('1.07e+301')],
		],
	};
	const lines = laidOut([arabic], {baseDir: 'ltr'});
	// RTL: the first column on the right, its cells on the right (the start side); the centred column centred.
	assert.deepEqual(
		lines.map((l) => l.slice(40 - 24)),
		['   بتك    │       ردصملا', '──────────┼─────────────', '    1     │         OMDb', '1.07e+301 │ Open Library'],
	);
});

// ---- Markdown: entities, breaks, raw HTML, titles (issue 12, 1, 7–11) --------------------

/** Each block as text: a rule as '─', code as its text, the rest their inline text (containers flattened). */
const texts2 = (blocks: readonly Block[]) => {
	const out: string[] = [];
	forEachLeafBlock(blocks, (b) => {
		if (b.kind === 'paragraph' || b.kind === 'heading') out.push(b.inline.map((x) => x.text).join(''));
		else if (b.kind === 'code') out.push(b.text);
		else if (b.kind === 'rule') out.push('─');
	});
	return out;
};

const texts = (markdown: string) =>
	parseMarkdown(markdown).sections.flatMap((s) => {
		const out: string[] = [];
		forEachLeafBlock(s.blocks, (b) => {
			if (b.kind === 'paragraph' || b.kind === 'heading') out.push(b.inline.map((x) => x.text).join(''));
			else if (b.kind === 'table') for (const c of [...b.header, ...b.rows.flat()]) out.push(c.map((x) => x.text).join(''));
			else if (b.kind === 'code') out.push(b.text);
		});
		return out;
	});

test('named entities are decoded in text, link text, headings and table cells, not in code (issue 12, 1)', () => {
	assert.equal(parseMarkdown('# a&zwnj;b\n\ntext').title, 'a\u200cb');
	assert.equal(parseMarkdown('text\n\n## a&zwnj;b\n\ntext').sections[1]?.title, 'a\u200cb');
	assert.deepEqual(texts('C++&lrm; و Python&rlm; &emsp;x [&laquo;ق&raquo;](u) &copy; `&amp;`\n\n| n&nbsp;log(n) |\n| --- |\n| &hellip; |\n'), [
		'C++\u200e و Python\u200f \u2003x «ق» © &amp;',
		'n\u00a0log(n)',
		'…',
	]);
});

// ---- the article's direction (issue 12, 2) -------------------------------------------------

test('the article’s direction counts prose only: code, inline code and URL links do not outvote the text (issue 12, 2)', () => {
	const persian = 'این راهنما نحوه مشارکت را توضیح می‌دهد و برای همه است.';
	const code = '```js\nconst server = http.createServer((req, res) => { res.end("hello world from node"); });\n```';
	assert.equal(parseMarkdown(`${persian}\n\n${code}\n\n${code}\n`).dir, 'rtl');
	assert.equal(
		parseMarkdown(
			`${persian} \`npm install --save-dev typescript eslint prettier\` [https://github.com/example/repository](https://github.com/example/repository)\n`,
		).dir,
		'rtl',
	);
	// An English README that quotes a Persian word stays LTR.
	assert.equal(parseMarkdown('This library normalizes Persian text such as «سلام» and tokenizes it into sentences and words.\n').dir, 'ltr');
});

test('an HTML wrapper’s dir, lang or style declares the context of the Markdown blocks inside it (issue 12, 2)', () => {
	const blocks =
		parseMarkdown(
			'Intro in English, long enough to outvote the rest of the text here.\n\n<div dir="rtl" markdown="1">\n\n* GitHub Actions runs the checks\n* یک مورد\n\nEnglish note inside.\n\n</div>\n\nAfter.\n',
		).sections[0]?.blocks ?? [];
	assert.deepEqual(
		blocks.map((b) => [b.kind, 'dir' in b ? b.dir : undefined]),
		[
			['paragraph', undefined],
			['list', 'rtl'],
			['paragraph', 'rtl'],
			['paragraph', undefined],
		],
	);
	const dirOf = (html: string) => (parseMarkdown(`${html}\n\ntext\n\n</section>\n`).sections[0]?.blocks[0] as {dir?: string} | undefined)?.dir;
	assert.equal(dirOf('<section lang="fa">'), 'rtl');
	assert.equal(dirOf('<section style="text-align: right; direction: rtl">'), 'rtl');
	assert.equal(dirOf('<section lang="he" dir="ltr">'), 'ltr');
	assert.equal(dirOf('<section dir="auto">'), undefined);
	// The English paragraph inside `<div dir="rtl">` is still LTR (the wrapper is its context, HL1 decides).
	const lines = layoutBlocks(blocks, {width: 40, order: 'visual', shape: false, dir: 'auto', baseDir: 'ltr'}).map(lineText);
	assert.ok(lines.includes('English note inside.'), lines.join('\n'));
	// The list in the wrapper is RTL: bullets on the right.
	assert.deepEqual(lines.slice(3, 5), ['GitHub Actions runs the checks         •', '                               دروم کی •']);
});

/** Each document's direction as a reader of its language would say (MANIFEST.md). */
const realDocuments: Readonly<Record<string, 'rtl' | 'ltr'>> = {
	'ar-coding-interview-university': 'rtl',
	'ar-fpb-contributing': 'rtl',
	'ar-fpb-howto': 'rtl',
	'ar-free-programming-books': 'rtl',
	'ar-javascript-algorithms': 'rtl',
	'ar-nodejs-about': 'rtl',
	'ar-obsidian-library': 'rtl',
	'en-free-programming-books-readme': 'ltr',
	'en-hazm-readme': 'ltr',
	'fa-coding-interview-university': 'rtl',
	'fa-first-contributions': 'rtl',
	'fa-fpb-contributing': 'rtl',
	'fa-fpb-howto': 'rtl',
	'fa-free-programming-books': 'rtl',
	'fa-nodejs-about': 'rtl',
	'fa-react-queueing-state': 'rtl',
	'he-coding-interview-university': 'rtl',
	'he-first-contributions': 'rtl',
	'he-free-courses': 'rtl',
	'he-free-programming-books': 'rtl',
	'he-nodebestpractices': 'rtl',
	'ur-coding-interview-university': 'ltr',
	'ur-fpb-contributing': 'rtl',
	'ur-free-courses': 'ltr',
};
const realDir = new URL('fixtures/real/', import.meta.url);
const readReal = (name: string) => readFileSync(new URL(`${name}.md`, realDir), 'utf8');

test('the corpus: every document of test/fixtures/real is there, and gets the direction its readers expect', () => {
	const files = readdirSync(realDir)
		.filter((f) => /^[a-z]{2}-.*\.md$/.test(f))
		.map((f) => f.replace(/\.md$/, ''));
	assert.deepEqual(files.sort(), Object.keys(realDocuments).sort());
	const wrong = Object.entries(realDocuments).filter(([name, dir]) => parseMarkdown(readReal(name)).dir !== dir);
	assert.deepEqual(wrong, []);
});

test('the title survives an H1 followed by an HTML logo or straight by `##` (issue 12, 7)', () => {
	for (const source of [
		'# عنوان المقال\n<p align="center"><img src="logo.png" alt="شعار"></p>\n\n## المقدمة\n\nنص.\n',
		'# عنوان المقال\n## المقدمة\n\nنص.\n',
	]) {
		const article = parseMarkdown(source, {fallbackTitle: 'file'});
		assert.equal(article.title, 'عنوان المقال');
		assert.deepEqual(
			article.sections.map((s) => s.title),
			['عنوان المقال', 'المقدمة'],
		);
		assert.match(exportText(article, {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir}), /^عنوان المقال\n/);
	}
});

test('<script>, <style> and comments show nothing, also across blank lines inside an HTML block (issue 12, 8)', () => {
	assert.deepEqual(texts('<div>\n<!--\nhidden one\n\nhidden two\n-->\nshown\n</div>\n\nafter\n'), ['shown', 'after']);
	assert.deepEqual(texts('<div>\n<script>\nvar a = 1;\n\nvar b = 2;\n</script>\n</div>\n\nafter\n'), ['after']);
	assert.deepEqual(texts('<div>\n<style>\np { color: red }\n\nq {}\n</STYLE >\n</div>\n\nafter\n'), ['after']);
	assert.deepEqual(texts('<div>\n<!--\nhidden\n\n--> shown after the comment\n\nafter\n'), ['shown after the comment', 'after']);
	assert.deepEqual(texts('text <!-- a > b --> more\n'), ['text  more']);
	assert.deepEqual(texts('<p>one<!-- x --> two<script>alert(1)</script></p>\n'), ['one two']);
});

test('<br>, <br/>, <br /> and </br> are hard breaks, inline and in HTML blocks (issue 12, 9)', () => {
	for (const br of ['<br>', '<br/>', '<br />', '</br>', '<BR>']) {
		assert.deepEqual(texts(`שורה אחת${br}שורה שתיים\n`), ['שורה אחת\u2028שורה שתיים'], br);
		assert.deepEqual(texts(`<p>שורה אחת${br}\nשורה שתיים</p>\n`), ['שורה אחת\u2028שורה שתיים'], br);
	}
	const lines = layoutBlocks(parseMarkdown('<p>one</br>two</br>three</p>\n').sections[0]?.blocks ?? [], {
		width: 40,
		order: 'visual',
		shape: false,
		dir: 'auto',
		baseDir: 'ltr',
	}).map(lineText);
	assert.deepEqual(lines, ['one', 'two', 'three']);
});

test('raw HTML: <img alt> shows as a Markdown image does, a heading element is a heading (issue 12, 10, 17)', () => {
	assert.deepEqual(texts('<p align="center"><img src="banner.png" alt="شعار مكتبة Obsidian" width="100%"></p>\n\n![alt text](a.png) ![](b.png)\n'), [
		'[image: شعار مكتبة Obsidian]',
		'[image: alt text] [image]',
	]);
	// The <h2> is a heading (here the top level: it opens a section); an <h1> holding only an image is not.
	const sections = parseMarkdown(
		'intro\n\n<h2 align="center">על מה מדובר כאן?</h2>\n\n<h1 align="center">\n  <img src="b.jpg" alt="Node.js Best Practices"/>\n</h1>\n',
	).sections;
	assert.deepEqual(
		sections.map((s) => [s.title, s.level, s.blocks.map((b) => b.kind)]),
		[
			['intro', 0, ['paragraph']],
			['על מה מדובר כאן?', 2, ['paragraph']],
		],
	);
	assert.deepEqual(parseMarkdown('<h3>שגיאת אימות</h3>\n\ntext\n\n### b\n').sections[0]?.title, 'שגיאת אימות');
});

test('the title is the first heading before the file name: an HTML <h1>, one after a link definition (issue 12, 11)', () => {
	assert.equal(
		parseMarkdown('> [EN](README.md)\n\n<p align="center"><img src="banner.png" alt="logo"></p>\n\n<h1 align="center">المكتبة</h1>\n\nنص.\n', {
			fallbackTitle: 'README.ar',
		}).title,
		'المكتبة',
	);
	assert.equal(
		parseMarkdown('[✔]: assets/check.png\n\n# שיטות עבודה\n\nטקסט\n\n# Latest news\n\ntext\n', {fallbackTitle: 'README.hebrew'}).title,
		'שיטות עבודה',
	);
	assert.equal(parseMarkdown('### فهرست\n\n* [Java](#java)\n\n### Java\n\n* کتاب\n', {fallbackTitle: 'free-programming-books-fa_IR'}).title, 'فهرست');
	// No heading at all: the file name.
	assert.equal(parseMarkdown('just text\n', {fallbackTitle: 'notes'}).title, 'notes');
});

// ---- the corpus, document by document ------------------------------------------------------

const namedReference = /&[a-zA-Z][a-zA-Z0-9]*;|&#x?[0-9a-fA-F]+;/;
const visualOptions = (dir: 'ltr' | 'rtl', width: number): LayoutOptions => ({width, order: 'visual', shape: true, dir: 'auto', baseDir: dir});

for (const name of Object.keys(realDocuments)) {
	test(`corpus ${name}: no character reference left outside code, every line within the width, nothing a terminal acts on`, () => {
		const article = parseMarkdown(readReal(name), {fallbackTitle: name});
		const leftovers: string[] = [];
		const prose = (inline: Inline) => {
			for (const span of inline) if (!span.style.code && namedReference.test(span.text) && decodeEntities(span.text) !== span.text) leftovers.push(span.text);
		};
		for (const section of article.sections) {
			if (decodeEntities(section.title) !== section.title) leftovers.push(section.title);
			forEachLeafBlock(section.blocks, (block) => {
				if (block.kind === 'paragraph' || block.kind === 'heading') prose(block.inline);
				else if (block.kind === 'table') for (const cell of [...block.header, ...block.rows.flat()]) prose(cell);
			});
		}
		assert.deepEqual(leftovers, []);
		for (const width of [40, 80]) {
			const text = exportText(article, visualOptions(article.dir, width));
			for (const line of text.split('\n')) {
				assert.ok(stringWidth(line) <= width, `${width}: ${line}`);
				assert.ok(!hasUnprintable(line), `${width}: ${JSON.stringify(line)}`);
			}
		}
	});
}

test('corpus: every code line with Arabic-script letters is shaped in visual order, and reads as FriBidi reads it with an LTR base', () => {
	let checked = 0;
	for (const name of Object.keys(realDocuments)) {
		const article = parseMarkdown(readReal(name));
		for (const section of article.sections) {
			forEachLeafBlock(section.blocks, (block) => {
				if (block.kind !== 'code') return;
				for (const line of block.text.split('\n')) {
					if (!/[\u0620-\u064a\u067e-\u06d3]/.test(line) || line.includes('\t')) continue;
					const [got = '', ...more] = codeLines(line, {width: 0});
					assert.equal(more.length, 0);
					assert.match(got, /[\ufb50-\ufdff\ufe70-\ufefc]/, `unshaped: ${got}`);
					assert.equal(got.slice(4), fribidiLtr(removeBidiControls(line)), line);
					checked++;
				}
			});
		}
	}
	assert.ok(checked >= 40, `${checked} code lines`);
});

test('corpus: FriBidi agrees line by line on every plain paragraph (no code, URLs or hard breaks), in the direction qari gives it', {
	skip: process.env['QARI_SKIP_FRIBIDI'] === '1' && 'QARI_SKIP_FRIBIDI=1',
}, () => {
	const cases: {text: string; dir: 'ltr' | 'rtl'; ours: string}[] = [];
	for (const name of Object.keys(realDocuments)) {
		const article = parseMarkdown(readReal(name));
		for (const section of article.sections) {
			const lines: string[] = [];
			const paragraphs: Inline[] = [];
			forEachLeafBlock(section.blocks, (block) => {
				if (
					block.kind === 'paragraph' &&
					block.inline.every((s) => !s.style.code && !(s.style.href && /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i.test(s.text))) &&
					!block.inline.some((s) => s.text.includes('\u2028'))
				)
					paragraphs.push(block.inline);
			});
			for (const inline of paragraphs) {
				// Styles are left out (without code and URLs they do not change the order); the break spaces at the ends too.
				const text = inline
					.map((s) => s.text)
					.join('')
					.trim();
				const laid = layoutParagraph([{text, style: {}}], {
					width: 0,
					order: 'visual',
					shape: true,
					dir: paragraphDirection(inline, article.dir),
					fallback: article.dir,
				});
				lines.push(text);
				cases.push({text, dir: laid.direction, ours: laid.lines.map((l) => l.runs.map((r) => r.text).join('')).join('')});
			}
		}
	}
	assert.ok(cases.length >= 300, `${cases.length} paragraphs`);
	for (const dir of ['ltr', 'rtl'] as const) {
		const set = cases.filter((c) => c.dir === dir);
		const result = spawnSync('fribidi', [`--${dir}`, '--nobreak', '--nopad', '--reordernsm'], {
			input: `${set.map((c) => c.text).join('\n')}\n`,
			encoding: 'utf8',
		});
		if (result.error) throw result.error;
		const theirs = result.stdout
			.replace(/\n$/, '')
			.split('\n')
			.map((l) => removeBidiControls(l.replaceAll('\ufeff', '')));
		assert.equal(theirs.length, set.length);
		set.forEach((c, i) => {
			assert.equal(c.ours, theirs[i], c.text);
		});
	}
});

test('a tight nested list stays tight; a loose one keeps its blank lines (issue 12, 15)', () => {
	const lines = (markdown: string) =>
		layoutBlocks(parseMarkdown(markdown).sections[0]?.blocks ?? [], {width: 30, order: 'visual', shape: false, dir: 'auto', baseDir: 'ltr'}).map(lineText);
	assert.deepEqual(lines('- a\n- b\n  - c\n- d\n'), ['• a', '• b', '  • c', '• d']);
	assert.deepEqual(lines('- a\n\n- b\n\n  - c\n- d\n'), ['• a', '• b', '  ', '  • c', '• d']);
});

test('search finds a command that appears only in a fenced block, and highlights it there, in RTL code too (issue 12, 18)', () => {
	const article = parseMarkdown('# راهنما\n\nدستور زیر را اجرا کنید:\n\n```bash\nnpm test -- \'LinkedList\'\necho "سلام دنیا" # چاپ\n```\n');
	const book = createBook(article, {order: 'visual', shape: true, dir: 'auto', baseDir: article.dir});
	assert.equal(book.matches(0, 'LinkedList'), 1);
	assert.equal(book.matches(0, 'سلام'), 1);
	for (const query of ['LinkedList', 'سلام']) {
		const lines = book.lines(0, 60, {query, current: 0});
		const hits = lines.flatMap((l) => l.runs).filter((r) => r.style.match || r.style.current);
		assert.equal(hits.length, 1, query);
		assert.equal(
			unshapeArabic(hits[0]?.text ?? '')
				.split('')
				.sort()
				.join(''),
			query.split('').sort().join(''),
			query,
		);
		assert.ok(hits[0]?.style.current && hits[0]?.style.code, 'the current match, still code');
	}
});

test('export numbers the links and lists their targets after the section; --no-links leaves them out; JSON keeps targets (issue 12, 16, 17)', () => {
	const article = parseMarkdown(
		'# راهنما\n\nمقاله [ویکی‌پدیا](https://fa.wikipedia.org/wiki/زبان_فارسی) و [گیت‌هاب](https://github.com) و دوباره [ویکی](https://fa.wikipedia.org/wiki/زبان_فارسی) و <https://example.org> و [بخش](#بخش).\n\n![لوگو](logo.png)\n\n## دوم\n\n[یک](https://a.example/)\n',
	);
	const logical = {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir} as const;
	assert.equal(
		exportText(article, logical),
		[
			'راهنما',
			'══════',
			'',
			'مقاله ویکی‌پدیا [1] و گیت‌هاب [2] و دوباره ویکی [1] و https://example.org و بخش.',
			'',
			'[image: لوگو] [3]',
			'',
			'─'.repeat(40),
			'',
			'    [1] https://fa.wikipedia.org/wiki/زبان_فارسی',
			'    [2] https://github.com',
			'    [3] logo.png',
			'',
			'دوم',
			'───',
			'',
			'یک [1]',
			'',
			'─'.repeat(40),
			'',
			'    [1] https://a.example/',
			'',
		].join('\n'),
	);
	assert.ok(!exportText(article, {...logical, links: false}).includes('[1]'));
	const json = JSON.parse(exportJson(article)) as {sections: {blocks: {links?: {text: string; href: string}[]}[]}[]};
	assert.deepEqual(json.sections[0]?.blocks[0]?.links?.[0], {text: 'ویکی‌پدیا', href: 'https://fa.wikipedia.org/wiki/زبان_فارسی'});
	assert.equal(json.sections[0]?.blocks[1]?.links?.[0]?.href, 'logo.png');
});

test('one stray higher heading does not decide the sections: the level that splits the text does (issue 12, 12)', () => {
	const deep = Array.from({length: 6}, (_, i) => `### بخش ${i + 1}\n\nمتن ${i + 1}.\n`).join('\n');
	const article = parseMarkdown(`# کتاب\n\nمقدمه.\n\n## فصل\n\n${deep}`);
	assert.deepEqual(
		article.sections.map((s) => s.title),
		['کتاب', 'فصل', ...Array.from({length: 6}, (_, i) => `بخش ${i + 1}`)],
	);
	// Several headings at the top level: they alone cut.
	assert.deepEqual(
		parseMarkdown('## a\n\n### a1\n\n## b\n\n### b1\n').sections.map((s) => s.title),
		['a', 'b'],
	);
	assert.equal(sectionLevel([2]), 2);
	assert.equal(sectionLevel([]), Infinity);
});

test('a link target with controls is listed without them (the fuzz found www.example.org followed by NUL)', () => {
	const article = parseMarkdown('www.example.org\u0000 and [x](<https://a.example/\u0007b>)');
	const text = exportText(article, {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: 'ltr'});
	assert.ok(!hasUnprintable(text.replace(/\n/g, '')), JSON.stringify(text));
	assert.ok(text.includes('[1] https://a.example/b'), text);
	assert.ok(!text.includes('www.example.org ['), 'an autolink shows its target already');
});

test('GitHub emoji shortcodes become their emoji in text, not in code, and unknown names stay (issue 12, 13)', () => {
	assert.deepEqual(texts('(:construction: *in process*) *(:card_file_box: archived)* :+1::warning: `:warning:` 10:30:45 :not_an_emoji:\n'), [
		'(🚧 in process) (🗃️ archived) 👍⚠️ :warning: 10:30:45 :not_an_emoji:',
	]);
	assert.equal(replaceShortcodes('no colon'), 'no colon');
});

test('the emoji table is what scripts/gen/emoji.mjs makes of gemoji', async () => {
	const generator = '../scripts/gen/emoji.mjs';
	const {generate} = (await import(generator)) as {generate: () => {path: string; text: string}[]};
	for (const {path, text} of generate())
		assert.ok(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8') === text, `${path}: run node scripts/gen/emoji.mjs`);
});

test('footnotes: references become ¹ ², the notes follow the section of their first reference, in export too (issue 12, 13)', () => {
	const source = [
		'# عنوان',
		'',
		'النص الأول[^1] والثاني[^note].',
		'',
		'## قسم',
		'',
		'مرة أخرى[^1] وثالث[^3]. `كود[^1]` وغير معرف[^x].',
		'',
		'```',
		'[^1] in code',
		'```',
		'',
		'[^1]: الحاشية الأولى',
		'[^note]: الثانية مع [رابط](https://example.org)',
		'    وسطر آخر.',
		'[^3]: Third.',
		'[^unused]: never shown',
	].join('\n');
	for (const whole of [false, true]) {
		const article = parseMarkdown(source, {whole});
		assert.deepEqual(
			article.sections.map((s) => texts2(s.blocks)),
			[
				['النص الأول¹ والثاني².', '─', '¹ الحاشية الأولى', '² الثانية مع رابط وسطر آخر.'],
				['مرة أخرى¹ وثالث³. كود[^1] وغير معرف[^x].', '[^1] in code', '─', '³ Third.'],
			],
			`whole: ${whole}`,
		);
	}
	assert.equal(parseMarkdown('a[^1] b\n').sections[0]?.blocks.length, 1, 'no definition: nothing to do');
	assert.equal(superscript(1207), '¹²⁰⁷');
});

test('inline HTML elements style their text as the Markdown they stand for (issue 12, 10)', () => {
	const inline = parseMarkdown(
		'הפקודה <code>git switch</code> ו-<kbd>Ctrl</kbd>+<kbd>C</kbd>, <b>מודגש</b> <a href="https://he.wikipedia.org/wiki/עברית">עברית</a> n<sup>2</sup> <span>x</span>\n',
	).sections[0]?.blocks[0];
	assert.equal(inline?.kind, 'paragraph');
	const spans = inline?.kind === 'paragraph' ? inline.inline : [];
	assert.deepEqual(
		spans.map((s) => [s.text, Object.keys(s.style).sort().join(',')]),
		[
			['הפקודה ', ''],
			['git switch', 'code'],
			[' ו-', ''],
			['Ctrl', 'code'],
			['+', ''],
			['C', 'code'],
			[', ', ''],
			['מודגש', 'strong'],
			[' ', ''],
			['עברית', 'href'],
			[' n2 x', ''],
		],
	);
});

test('corpus: every word pandoc (-f gfm -t plain) shows is in qari’s export; qari also keeps the text of raw HTML, which pandoc drops', {
	skip: process.env['QARI_SKIP_PANDOC'] === '1' && 'QARI_SKIP_PANDOC=1',
}, () => {
	const words = (text: string) =>
		new Set(
			text
				.normalize('NFKC')
				.replace(/[\u200c\u200d]/g, '')
				.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [],
		);
	const missing: string[] = [];
	for (const name of Object.keys(realDocuments)) {
		const source = readReal(name);
		const result = spawnSync('pandoc', ['-f', 'gfm', '-t', 'plain', '--wrap=none'], {input: source, encoding: 'utf8'});
		if (result.error) throw new Error(`pandoc is not installed (apt-get install pandoc), or set QARI_SKIP_PANDOC=1: ${result.error.message}`);
		const article = parseMarkdown(source, {fallbackTitle: name});
		const ours = words(exportText(article, {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir, links: false}));
		for (const word of words(result.stdout)) if (!ours.has(word)) missing.push(`${name}: ${word}`);
	}
	assert.deepEqual(missing, []);
});

test('a front matter title that differs from the leading H1 keeps the H1 as text (pandoc’s words: `# عن الـ Node.js ®`)', () => {
	const article = parseMarkdown('---\ntitle: عن النود\n---\n\n# عن الـ Node.js ®\n\nنص.\n');
	assert.equal(article.title, 'عن النود');
	assert.deepEqual(texts2(article.sections[0]?.blocks ?? []), ['عن الـ Node.js ®', 'نص.']);
	assert.deepEqual(texts2(parseMarkdown('---\ntitle: T\n---\n\n# T\n\nx\n').sections[0]?.blocks ?? []), ['x']);
});

test('an HTML block is cut into blocks at its block elements: headings, paragraphs, lists, summaries, tables (issue 12, 10)', () => {
	const blocks = parseMarkdown(
		[
			'intro',
			'',
			'<div dir="rtl">',
			'<h2> על מה מדובר כאן?</h2>',
			'<p>פסקה ראשונה.</p><p>פסקה <b>שנייה</b>.</p>',
			'<details><summary>התרגומים:</summary>',
			'<ul><li>עברית</li><li>English <ul><li>nested</li></ul></li></ul>',
			'</details>',
			'<table><tr><th>שם</th><th>תיאור</th></tr><tr><td>a</td><td>b</td></tr></table>',
			'<hr>',
			'</div>',
		].join('\n'),
	).sections.flatMap((s) => [{kind: 'heading', level: s.level, inline: [{text: s.title, style: {}}]} as Block, ...s.blocks]);
	assert.deepEqual(
		blocks.map((b) => [b.kind, b.kind === 'list' ? b.items.map((item) => texts2(item).join('/')).join(' + ') : texts2([b]).join('')]),
		[
			['heading', 'intro'],
			['paragraph', 'intro'],
			['heading', 'על מה מדובר כאן?'],
			['paragraph', 'פסקה ראשונה.'],
			['paragraph', 'פסקה שנייה.'],
			['paragraph', 'התרגומים:'],
			['list', 'עברית + English + nested'],
			['table', ''],
			['rule', '─'],
		],
	);
	const summary = blocks[5];
	assert.ok(summary?.kind === 'paragraph' && summary.inline[0]?.style.strong, 'the summary is bold');
	// (blocks[2] is the section's title, made here.)
	assert.ok(
		blocks.slice(3).every((b) => b.kind === 'rule' || ('dir' in b && b.dir === 'rtl')),
		'the wrapper’s dir on each',
	);
});

test('an image inside a link takes the link’s target (export lists where the flag leads, not the flag)', () => {
	const article = parseMarkdown('קראו: [![FR](./assets/flags/FR.png)**צרפתית**](./README.french.md)\n');
	const text = exportText(article, {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: 'rtl'});
	assert.ok(text.includes('[image: FR]צרפתית [1]') && text.includes('[1] ./README.french.md') && !text.includes('FR.png'), text);
});

test('align="center" in raw HTML centres its paragraphs and headings in visual order (issue 12, 10)', () => {
	const article = parseMarkdown(
		'<p align="center">\n  <img src="banner.png" alt="logo">\n</p>\n\n<h1 align="center">المكتبة</h1>\n\n<div style="text-align: center"><p>x</p></div>\n\nplain\n',
	);
	const lines = layoutBlocks(
		article.sections.flatMap((s) => s.blocks),
		{width: 40, order: 'visual', shape: false, dir: 'auto', baseDir: 'rtl'},
	).map(lineText);
	assert.deepEqual(
		lines.filter((l) => l.trim()),
		[`${' '.repeat(13)}[image: logo]`, `${' '.repeat(19)}x`, 'plain'],
	);
	const logical = layoutBlocks(article.sections[0]?.blocks ?? [], {width: 40, order: 'logical', shape: false, dir: 'auto', baseDir: 'rtl'}).map(lineText);
	assert.equal(logical[0], '[image: logo]');
	assert.equal(article.title, 'المكتبة');
});

test('an HTML <table> is a table block, as a Markdown table is: header, rows, alignment, styled cells (issue 12, 10)', () => {
	// All-contributors' table (GitHub READMEs), trimmed: no <th>, so the first row is the header.
	const contributors = [
		'## Contributors ✨',
		'',
		'<!-- ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section -->',
		'<table>',
		'  <tbody>',
		'    <tr>',
		'      <td align="center" valign="top" width="14.28%"><a href="https://github.com/ali"><img src="https://avatars.example/1?v=4" width="100px;" alt="Ali"/><br /><sub><b>علی رضایی</b></sub></a><br /><a href="#code-ali" title="Code">💻</a></td>',
		'      <td align="center" valign="top" width="14.28%"><a href="https://github.com/sara"><img src="https://avatars.example/2?v=4" width="100px;" alt="Sara"/><br /><sub><b>سارا</b></sub></a><br /><a href="#doc-sara" title="Documentation">📖</a></td>',
		'    </tr>',
		'    <tr>',
		'      <td align="center" valign="top" width="14.28%"><a href="https://github.com/dan"><img src="https://avatars.example/3?v=4" width="100px;" alt="Dan"/><br /><sub><b>Dan</b></sub></a><br /><a href="#code-dan" title="Code">💻</a></td>',
		'    </tr>',
		'  </tbody>',
		'</table>',
		'<!-- ALL-CONTRIBUTORS-LIST:END -->',
		'',
	].join('\n');
	const [table] = parseMarkdown(contributors).sections.flatMap((s) => s.blocks);
	assert.equal(table?.kind, 'table');
	if (table?.kind !== 'table') return;
	assert.deepEqual(table.align, ['center', 'center']);
	const cellText = (cell: Inline | undefined) => (cell ?? []).map((s) => s.text).join('');
	assert.deepEqual(
		[table.header, ...table.rows].map((row) => row.map(cellText)),
		[
			['[image: Ali]\u2028علی رضایی\u2028💻', '[image: Sara]\u2028سارا\u2028📖'],
			['[image: Dan]\u2028Dan\u2028💻', ''],
		],
	);
	// The inline elements style the cells' text as they do in a paragraph.
	assert.deepEqual(
		table.header[0]?.map((s) => [s.text, s.style]),
		[
			['[image: Ali]\u2028', {href: 'https://github.com/ali'}],
			['علی رضایی', {href: 'https://github.com/ali', strong: true}],
			['\u2028', {}],
			['💻', {href: '#code-ali'}],
		],
	);
	// With <thead>/<th>, style="text-align", colspan and a caption: laid out as a Markdown table is.
	const html =
		parseMarkdown(
			[
				'<table dir="rtl">',
				'<caption>מחירים</caption>',
				'<thead><tr><th>מוצר</th><th style="text-align: right">מחיר</th></tr></thead>',
				'<tbody>',
				'<tr><td><code>npm</code> &amp; <em>node</em></td><td align="right">10</td></tr>',
				'<tr><td colspan="2">סה״כ</td></tr>',
				'</tbody>',
				'</table>',
				'',
				'| מוצר | מחיר |',
				'| --- | ---: |',
				'| `npm` & *node* | 10 |',
				'| סה״כ | |',
				'',
			].join('\n'),
		).sections[0]?.blocks ?? [];
	assert.deepEqual(
		html.map((b) => b.kind),
		['paragraph', 'table', 'table'],
	);
	const options: LayoutOptions = {width: 40, order: 'visual', shape: false, dir: 'auto', baseDir: 'ltr'};
	const fromHtml = layoutBlocks(html.slice(0, 2), options).map(lineText);
	const fromMarkdown = layoutBlocks([html[0] as Block, html[2] as Block], options).map(lineText);
	assert.deepEqual(fromHtml, fromMarkdown);
	assert.ok(
		fromHtml.some((l) => l.includes('│')),
		fromHtml.join('\n'),
	);
	assert.deepEqual(texts2(html.slice(0, 1)), ['מחירים']);
});

test('a malformed HTML table never loses text: unclosed, cells without rows, nested tables, stray text', () => {
	const all = (source: string) =>
		parseMarkdown(source)
			.sections.flatMap((s) => [
				s.title,
				...s.blocks.map((b) =>
					b.kind === 'table' ? [...b.header, ...b.rows.flat()].map((c) => c.map((s) => s.text).join('')).join('/') : texts2([b]).join('/'),
				),
			])
			.join(' ~ ');
	assert.equal(all('intro\n\n<table><tr><td>open <b>cell</b>\n\nnext\n'), 'intro ~ intro ~ open cell ~ next');
	assert.equal(all('intro\n\n<table><td>a</td><td>b<table><tr><td>in1</td><td>in2</td></tr></table>c</td></table>\n'), 'intro ~ intro ~ a/b in1 in2 c');
	assert.equal(all('intro\n\n<table>stray<tr>words<td>x</td></tr></table>after\n'), 'intro ~ intro ~ stray words ~ x ~ after');
	assert.equal(all('intro\n\n<table><tr><td></td></tr></table>\n'), 'intro ~ intro');
	// colspan="100" spans the table's width: no empty columns of its own.
	const [wide] =
		parseMarkdown('<table><tr><th>x</th><th>y</th><th>z</th></tr><tr><td colspan="100">all</td></tr><tr><td colspan="2">c</td><td>d</td></tr></table>\n')
			.sections[0]?.blocks ?? [];
	assert.deepEqual(wide?.kind === 'table' ? [wide.header, ...wide.rows].map((row) => row.map((c) => c.map((x) => x.text).join(''))) : wide, [
		['x', 'y', 'z'],
		['all', '', ''],
		['c', '', 'd'],
	]);
	// Wider than 64 columns (no terminal shows it): one paragraph per row, cells apart by ' | '.
	assert.equal(
		all(`intro\n\n<table><tr>${'<td>c</td>'.repeat(70)}</tr><tr><td>d</td></tr></table>\n`),
		`intro ~ intro ~ ${Array(70).fill('c').join(' | ')} ~ d`,
	);
});

test('<details> shows open with its <summary> bold and loses no text; <sup>/<sub> keep their text; <mark> is strong (issue 12, 10)', () => {
	// he-first-contributions, trimmed: a summary holding <strong>, an HTML paragraph, Markdown inside, text after </details>.
	const source = [
		'<details>',
		'<summary><strong>אם אתה מקבל שגיאות בעת השימוש ב-git switch, לחץ כאן:</strong></summary>',
		'<p dir="rtl">אם מופיעה הודעת השגיאה <strong>"Git: <code>switch</code> is not a git command"</strong>,  ',
		'זה כנראה בגלל שאתה משתמש בגרסה ישנה של Git.</p>',
		'',
		'```bash',
		'git checkout -b your-new-branch-name',
		'```',
		'',
		'</details>',
		'',
		'<details open><summary>נוסחה</summary>E=mc<sup>2</sup>, H<sub>2</sub>O, <mark>חשוב</mark></details>',
		'',
		'טקסט <mark>מודגש</mark> ו-x<sup>2</sup>.',
		'',
	].join('\n');
	const blocks = parseMarkdown(source).sections.flatMap((s) => s.blocks);
	assert.deepEqual(texts2(blocks), [
		'אם אתה מקבל שגיאות בעת השימוש ב-git switch, לחץ כאן:',
		'אם מופיעה הודעת השגיאה "Git: switch is not a git command", זה כנראה בגלל שאתה משתמש בגרסה ישנה של Git.',
		'git checkout -b your-new-branch-name',
		'נוסחה',
		'E=mc2, H2O, חשוב',
		'טקסט מודגש ו-x2.',
	]);
	const styles = (b: Block | undefined) => (b?.kind === 'paragraph' ? b.inline.map((s) => [s.text, Object.keys(s.style).sort().join(',')]) : []);
	assert.deepEqual(styles(blocks[0]), [['אם אתה מקבל שגיאות בעת השימוש ב-git switch, לחץ כאן:', 'strong']]);
	// An HTML block's paragraph is styled as inline HTML is: <strong>, <code> inside it.
	assert.deepEqual(
		styles(blocks[1]).map(([, style]) => style),
		['', 'strong', 'code,strong', 'strong', ''],
	);
	assert.deepEqual(styles(blocks[4]), [
		['E=mc2, H2O, ', ''],
		['חשוב', 'strong'],
	]);
	assert.deepEqual(styles(blocks[5]), [
		['טקסט ', ''],
		['מודגש', 'strong'],
		[' ו-x2.', ''],
	]);
});

test('align="center" on an HTML wrapper around Markdown centres its paragraphs and headings, as GitHub shows a README’s top (issue 12, 10)', () => {
	const source = [
		'<div align="center">',
		'',
		'# کتابخانه',
		'',
		'[![npm](https://img.shields.io/npm/v/x.svg)](https://www.npmjs.com/package/x)',
		'',
		'**یک کتابخانه‌ی کوچک**',
		'',
		'<p>HTML inside</p>',
		'',
		'</div>',
		'',
		'<center>',
		'',
		'![logo](logo.png)',
		'',
		'</center>',
		'',
		'<p align="center"><img src="x.png" alt="x">',
		'',
		'A browser ends the <p> here: not centred.',
		'',
		'<div style="text-align: center">',
		'',
		'- a list is not centred',
		'',
		'<div align="left">',
		'',
		'left inside centred',
		'',
		'</div>',
		'</div>',
		'',
		'بعد',
		'',
	].join('\n');
	const article = parseMarkdown(source);
	assert.equal(article.title, 'کتابخانه');
	const blocks = article.sections.flatMap((s) => s.blocks);
	assert.deepEqual(
		blocks.map((b) => [b.kind, 'align' in b ? b.align : undefined]),
		[
			['paragraph', 'center'],
			['paragraph', 'center'],
			['paragraph', 'center'],
			['paragraph', 'center'],
			['paragraph', 'center'],
			['paragraph', undefined],
			['list', undefined],
			['paragraph', undefined],
			['paragraph', undefined],
		],
	);
	const lines = layoutBlocks(blocks, {width: 40, order: 'visual', shape: false, dir: 'auto', baseDir: 'rtl'})
		.map(lineText)
		.filter((l) => l.trim());
	assert.equal(lines[0], `${' '.repeat(14)}[image: npm]`);
	assert.equal(lines[3], `${' '.repeat(13)}[image: logo]`);
	assert.equal(lines[lines.length - 1], `${' '.repeat(37)}دعب`);
});
