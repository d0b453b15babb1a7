// Terminal mode (--bidi terminal) against app mode, through a model of a
// terminal that reorders each row itself (helpers/implicit-terminal.ts): for
// every screen checked, the terminal-mode rows as that terminal shows them
// are the app-mode rows. Shaping is off in both (the terminal shapes). The
// articles: the bundled one, a Persian one with every kind of block, and every
// real article of test/fixtures/real (Arabic, Persian, Hebrew, Urdu, English).
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {layoutBlocks} from '../src/layout/blocks.js';
import {markOf} from '../src/layout/implicit.js';
import {type Article} from '../src/model/article.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {createBook, type Book} from '../src/reader/book.js';
import {helpRows} from '../src/reader/keys.js';
import {createPager, reducePager, type PagerAction, type PagerState} from '../src/reader/pager.js';
import {frameRows} from '../src/reader/screen/frame.js';
import {markReserve, screenGeometry} from '../src/reader/screen/geometry.js';
import {helpScreenRows} from '../src/reader/screen/help.js';
import {type ScreenOptions, type ScreenRow} from '../src/reader/screen/rows.js';
import {renderRuns} from '../src/terminal/sgr.js';
import {textWidth} from '../src/text/width.js';
import {hasFribidi, showRow, showRowsByFribidi} from './helpers/implicit-terminal.js';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const stripAnsi = (text: string): string => text.replace(/\u001B\[[0-9;]*m/g, '').replace(/\u001B\]8;;[^\u001B]*\u001B\\/g, '');

/** A Persian article with every kind of block: lists (nested, numbered), a table, quotes, code, Latin inside. */
const persian = `# راهنمای کوچک

این یک پاراگراف فارسی است با واژه‌ی English و عدد 42 و ۱۴۰۰ و نشانی https://example.com/a برای آزمایش، و \`npm install\` در میان متن.

## فهرست‌ها

- مورد نخست با *تأکید* و **پررنگ**
- مورد دوم (با پرانتز) و React 19
  1. زیرمورد یکم
  2. زیرمورد دوم با \`code()\`
- Third item in English, with مقداری فارسی inside.

> نقل قولی از یک کتاب: «دانش توانایی است».
>
> > نقل قول تو در تو با 3 کلمه.

| نام | مقدار | توضیح |
| --- | ---: | :---: |
| سیب | 12 | میوه‌ی سرخ |
| apple | 7 | English row |

\`\`\`js
const x = 1; // یک نظر
console.log(x);
\`\`\`

---

پایان با 50% و ٪۵۰ و (متن داخل پرانتز).
`;

const realDir = new URL('./fixtures/real/', import.meta.url);

const articles: Record<string, Article> = {
	// Every real article (test/fixtures/real/MANIFEST.md).
	...Object.fromEntries(
		readdirSync(realDir)
			.filter((f) => /^[a-z]{2}-.*\.md$/.test(f))
			.map((f) => [f, parseMarkdown(read(`./fixtures/real/${f}`))]),
	),
	bundled: parseMarkdown(read('../content/assad-putin-moscow.md')),
	english: parseMarkdown(read('./fixtures/real/en-free-programming-books-readme.md')),
	persian: parseMarkdown(persian),
	'fa-react': parseMarkdown(read('./fixtures/real/fa-react-queueing-state.md')),
	'fa-first-contributions': parseMarkdown(read('./fixtures/real/fa-first-contributions.md')),
};

interface Mode {
	readonly book: Book;
	readonly chrome: ScreenOptions;
}

function modeOf(article: Article, order: 'visual' | 'logical', marksTakeCells = false): Mode {
	const chrome: ScreenOptions = {order, shape: false, dir: article.dir, ...(marksTakeCells ? {marksTakeCells} : {})};
	return {book: createBook(article, {order, shape: false, dir: 'auto', baseDir: article.dir, ...(marksTakeCells ? {fewMarks: true} : {})}), chrome};
}

function frame(mode: Mode, state: PagerState, columns: number, rows: number): string[] {
	const geometry = screenGeometry(columns, rows, undefined, markReserve(mode.chrome));
	const {chrome} = mode;
	const help = (): readonly ScreenRow[] =>
		helpScreenRows(
			{
				page: helpRows('page', chrome.dir),
				toc: helpRows('toc', chrome.dir),
				search: helpRows('search', chrome.dir),
				goto: helpRows('goto', chrome.dir),
				links: helpRows('links', chrome.dir),
				bidi: 'terminal',
				reason: 'a test',
				shape: false,
			},
			geometry.width,
			chrome,
		);
	const f = frameRows({state, geometry, book: mode.book, chrome, color: false, help, context: {dir: chrome.dir, searching: state.search !== null}});
	return [...f.header, ...f.body, ...f.footer, ...(f.prompt === undefined ? [] : [f.prompt])].map(stripAnsi);
}

/** The states checked: pages through the first sections, the contents, the help, a search prompt. */
function* states(mode: Mode, columns: number, rows: number): Generator<[string, PagerState]> {
	const g = screenGeometry(columns, rows, undefined, markReserve(mode.chrome));
	let state = createPager(mode.book, {section: 0, offset: 0, width: g.width, height: g.height});
	const step = (action: PagerAction): PagerState => reducePager(state, action, mode.book);
	for (let page = 0; page < 40; page++) {
		yield [`section ${state.section + 1}, line ${state.top}`, state];
		const next = step({type: 'pageForward'});
		if (next === state) break;
		state = next;
	}
	state = step({type: 'goToPercent', percent: 100});
	yield ['the end of the article', state];
	state = step({type: 'openToc'});
	yield ['contents', state];
	state = step({type: 'tocMove', delta: 1});
	yield ['contents, cursor moved', state];
	state = step({type: 'openHelp'});
	for (let i = 0; i < 4; i++) {
		yield [`help from ${state.helpTop}`, state];
		state = step({type: 'helpScroll', delta: g.height});
	}
	state = step({type: 'closeView'});
	state = step({type: 'openSearch'});
	state = step({type: 'searchType', text: 'React'});
	yield ['search prompt, Latin', state];
	state = step({type: 'searchErase'});
	state = step({type: 'searchType', text: ' سیب'});
	yield ['search prompt, Persian', state];
	state = step({type: 'closeView'});
	state = step({type: 'openGoto', text: '2'});
	state = step({type: 'searchType', text: '5%'});
	yield ['go-to prompt', state];
	state = step({type: 'closeView'});
	state = step({type: 'openLinks'});
	yield ['links list (or the message that there are none)', state];
	state = step({type: 'linkMove', delta: 2});
	yield ['links list, cursor moved', state];
}

/** Plain rows padded to the window, as the app-mode screen shows them. */
const padded = (row: string, columns: number): string => row + ' '.repeat(Math.max(0, columns - textWidth(row)));

for (const [name, article] of Object.entries(articles)) {
	for (const [columns, rows] of [
		[80, 24],
		[50, 20],
	] as const) {
		test(`terminal mode through a reordering terminal is app mode: ${name} at ${columns}×${rows}`, () => {
			const app = modeOf(article, 'visual');
			const terminal = modeOf(article, 'logical');
			const appStates = [...states(app, columns, rows)];
			const termStates = [...states(terminal, columns, rows)];
			assert.equal(termStates.length, appStates.length);
			let checked = 0;
			const fribidi = hasFribidi();
			appStates.forEach(([what, appState], k) => {
				const termState = termStates[k]?.[1];
				assert.ok(termState);
				const want = frame(app, appState, columns, rows).map((r) => padded(r, columns));
				const sent = frame(terminal, termState, columns, rows);
				// No box drawing in terminal mode: mlterm reads U+2500–U+259F as a forced left-to-right break.
				// (The real articles' code blocks have their own.)
				if (!name.endsWith('.md')) for (const row of sent) assert.doesNotMatch(row, /[\u2500-\u259f]/, `${what}: box drawing in ${row}`);
				const shown = sent.map((r) => showRow(r, columns));
				for (let i = 0; i < want.length; i++) {
					assert.equal(normalize(shown[i] ?? ''), normalize(want[i] ?? ''), `${name} ${columns}×${rows}, ${what}, row ${i}:\nsent  ${JSON.stringify(sent[i])}`);
				}
				if (fribidi) {
					const byFribidi = showRowsByFribidi(sent, columns);
					for (let i = 0; i < want.length; i++) {
						assert.equal(
							forFribidi(normalize(byFribidi[i] ?? '')),
							forFribidi(normalize(want[i] ?? '')),
							`FriBidi: ${name} ${columns}×${rows}, ${what}, row ${i}`,
						);
					}
				}
				checked++;
			});
			assert.ok(checked > 5);
		});
	}
}

/**
 * What FriBidi's command line changes beside the order: --clean drops ZWNJ and ZWJ, and
 * a lam-alef it shaped into one ligature comes back from unshaping in logical order: lam and alef are left out.
 */
function forFribidi(row: string): string {
	return row.replace(/[\u200c\u200d]/g, '').replace(/[\u0644\u0622\u0623\u0625\u0627]/g, '');
}

/** App mode's box drawing as terminal mode draws it (layout/implicit.ts PLAIN_GLYPHS). */
function normalize(row: string): string {
	const plain: Record<string, string> = {'─': '―', '═': '=', '│': '|', '┼': '+', '█': '■', '░': '□', '▏': '|'};
	return row.replace(/[─═│┼█░▏]/g, (ch) => plain[ch] ?? ch);
}

test('emphasis: italic (SGR 3) on Latin, magenta (SGR 35) on Arabic-script and Hebrew runs, in every mode', () => {
	const render = (text: string): string => renderRuns([{text, style: {emphasis: true}}], {color: true});
	assert.equal(render('italic'), '\u001B[3mitalic\u001B[0m');
	for (const text of ['مورب', 'کج', 'נטוי', 'a مورب b']) assert.equal(render(text), `\u001B[35m${text}\u001B[0m`, text);
});

test("qari's marks pass the terminal filter; the article's never do", () => {
	const marks = renderRuns(
		[
			{text: '\u200f\u202a', style: {control: true}},
			{text: 'a\u200fb\u202ec', style: {}},
		],
		{color: false},
	);
	assert.equal(marks, '\u200f\u202aabc');
});

test("a body row of plain right-to-left text carries one mark, the row's own", () => {
	const terminal = modeOf(articles['bundled'] as Article, 'logical');
	const [, state] = states(terminal, 80, 24).next().value as [string, PagerState];
	const body = frame(terminal, state, 80, 24)
		.slice(3, 8)
		.filter((row) => /[\u0600-\u06ff]/.test(row));
	assert.ok(body.length > 2);
	for (const row of body) assert.equal(row.match(/[\u200e\u200f\u202a-\u202e]/g)?.length, 1, JSON.stringify(row));
});

// Every article: a row with many marks (a table of flags, code spans) must fit too.
for (const name of Object.keys(articles)) {
	test(`mlterm (marks drawn as blank cells): no row of ${name} is wider than the window, marks counted`, () => {
		const mode = modeOf(articles[name] as Article, 'logical', true);
		for (const [columns, rows] of [
			[80, 24],
			[50, 20],
		] as const) {
			for (const [what, state] of states(mode, columns, rows)) {
				for (const row of frame(mode, state, columns, rows)) {
					// Marks, ZWNJ and ZWJ are a cell each there; the last column stays free.
					const cells = textWidth(row) + (row.match(/[\u200c-\u200f\u202a-\u202e]/g)?.length ?? 0);
					assert.ok(cells <= columns - 1, `${what} at ${columns}: ${cells} cells: ${JSON.stringify(row)}`);
				}
			}
		}
	});
}

/** A Markdown text laid out at `width` in app mode and for a reordering terminal: each row as sent, as the model terminal shows it, as app mode shows it. */
function blockRows(markdown: string, width: number, fewMarks = false): {sent: string; shown: string; want: string; fribidi: string | undefined}[] {
	const article = parseMarkdown(markdown);
	const options = {width, shape: false, dir: 'auto', baseDir: article.dir} as const;
	const blocks = article.sections.flatMap((s) => s.blocks);
	const app = layoutBlocks(blocks, {...options, order: 'visual'});
	const terminal = layoutBlocks(blocks, {...options, order: 'logical', implicit: true, fewMarks});
	assert.equal(terminal.length, app.length);
	const sent = terminal.map((line) => markOf(line.dir ?? 'ltr') + renderRuns(line.runs, {color: false}));
	const byFribidi = hasFribidi() ? showRowsByFribidi(sent, width) : undefined;
	return app.map((line, i) => ({
		sent: sent[i] ?? '',
		shown: showRow(sent[i] ?? '', width),
		want: padded(line.runs.map((r) => r.text).join(''), width),
		fribidi: byFribidi?.[i],
	}));
}

const overrides = /[\u202d\u202e]/;

/** Every row shows as app mode (both models), and none needs the override fallback unless `fallback`. */
function assertRows(rows: ReturnType<typeof blockRows>, fallback = false): void {
	for (const row of rows) {
		assert.equal(normalize(row.shown), normalize(row.want), `sent ${JSON.stringify(row.sent)}`);
		const fribidi = row.fribidi;
		if (fribidi !== undefined) assert.equal(forFribidi(normalize(fribidi)), forFribidi(normalize(row.want)), `FriBidi: sent ${JSON.stringify(row.sent)}`);
		if (!fallback) assert.doesNotMatch(row.sent, overrides, `an override in ${JSON.stringify(row.sent)}`);
	}
}

test('a wrapped code line: each piece resolves by the whole line (edge marks; a space that ends a piece stays at its end)', () => {
	const rows = blockRows("```\n>>> normalizer.normalize('اصلاح نويسه ها و استفاده از نیم‌فاصله: پردازش را آسان می‌کند!')\n```\n", 46);
	assert.ok(rows.length >= 2);
	assertRows(rows);
});

test('inline code cut by a line takes its whole first strong direction outside (`et al" …` in Urdu)', () => {
	const rows = blockRows('آپ مصنف کی فہرستوں کو "`et al" کے ساتھ مختصر کرسکتے ہیں.`". یہ ایک جملہ ہے جو کافی لمبا ہے۔\n', 30);
	assert.ok(rows.length >= 3);
	assertRows(rows);
});

test('a line before a European number that W7 makes left to right: the line ends before a left-to-right character', () => {
	const lines = [
		'לינק ראשון CPU  ',
		'5.7. תיצרו ‘maintenance endpoint’  ',
		'5.8. גלו את הלא ידוע בעזרת מוצרי APM ועוד הרבה מילים בעברית כדי שרוב הטקסט יהיה בעברית',
	];
	const rows = blockRows(`${lines.join('\n')}\n`, 60);
	assertRows(rows);
});

test('a bracket pair past a code piece (N0 sees the next piece): the piece goes in overrides, and shows as app mode', () => {
	const line = '    سيئ : * [كتاب رائع جدًا](https://example.org/book.pdf) (PDF) - جين رو, [نسخة HTML](https://example.org/book.html) (HTML)';
	const rows = blockRows(`\`\`\`\n${line}\n\`\`\`\n`, 78);
	assert.ok(rows.some((row) => overrides.test(row.sent)));
	assertRows(rows, true);
});

test('mlterm rows (few marks) of a Hebrew README of flags: a line that ends in spaces inside code keeps them where app mode has them', () => {
	const rows = blockRows(read('./fixtures/real/he-first-contributions.md'), 42, true);
	assertRows(rows, true);
});
