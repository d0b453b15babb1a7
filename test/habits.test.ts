// The reader's screen for the habits of less and glow users (issue 13):
// the end of the article marked, a progress bar of one width, the help's own
// footer, the prompts, the contents' gutter and reading times. Frames are the
// rows reader/screen/frame.ts gives the UI, in app mode (visual order).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Article} from '../src/model/article.js';
import {bundledArticle, loadArticle} from '../src/cli/files.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {progressBar, footerRow, promptRow} from '../src/reader/screen/footer.js';
import {screenGeometry} from '../src/reader/screen/geometry.js';
import {type ScreenOptions, type ScreenRow} from '../src/reader/screen/rows.js';
import {tocRows} from '../src/reader/screen/contents.js';
import {textWidth} from '../src/text/width.js';
import {frameReader} from './helpers/frame-reader.js';

const bundled = loadArticle(bundledArticle).article;

function reader(article: Article, columns = 80, rows = 24) {
	return frameReader(article, {columns, rows});
}

test('the end of the article is marked (END) in the footer, only there', () => {
	const r = reader(bundled);
	assert.ok(!r.frame().some((row) => row.includes('(END)')));
	const end = r.act({type: 'goToPercent', percent: 100});
	assert.ok(end.at(-1)?.includes('100% (END)'), end.at(-1));
	const before = r.act({type: 'lineUp'});
	assert.ok(!before.at(-1)?.includes('(END)'), 'one line up, the end is off screen');
});

test('the progress bar keeps one width from the start to the end (100% and (END) included)', () => {
	const options: ScreenOptions = {order: 'visual', shape: false, dir: 'rtl'};
	const bar = (row: string): number => (row.match(/[█░]/g) ?? []).length;
	const at = (fraction: number, end = false): string =>
		footerRow({page: 2, pages: 2, fraction, message: '', hints: ['← next', '? help'], end}, 76, options)
			.runs.map((r) => r.text)
			.join('');
	const widths = [0, 0.1, 0.5, 0.99, 1].map((f) => bar(at(f, f === 1)));
	assert.ok(
		widths.every((w) => w === widths[0]),
		widths.join(' '),
	);
	assert.equal(
		progressBar(1, 10, 'rtl')
			.runs.map((r) => r.text)
			.join(''),
		'█'.repeat(10),
		'full at 100%',
	);
	assert.equal(at(1, true).match(/█/g)?.length, widths[0], 'every cell filled at the end');
});

test('help: its own footer (help p/P), Space pages, the more hint gone at the end', () => {
	const r = reader(bundled, 80, 24);
	const length = r.help().length;
	let f = r.act({type: 'openHelp'});
	assert.match(f.at(-1) ?? '', /help 1\/\d+/);
	assert.doesNotMatch(f.at(-1) ?? '', /page \d/);
	assert.match(f.at(-1) ?? '', /more/);
	f = r.act({type: 'helpScroll', delta: 'end', length});
	assert.match(f.at(-1) ?? '', /help (\d+)\/\1 · 100%/);
	assert.doesNotMatch(f.at(-1) ?? '', /more/);
	const keys = r
		.help()
		.map((row) => row.runs.map((x) => x.text).join(''))
		.join('\n');
	for (const word of [
		'half a page down',
		'go to: a section number',
		'Ctrl-Z',
		'Ctrl-U',
		'Go-to prompt',
		'next page',
		'Links list (l)',
		'copy it (OSC 52',
		'wheel',
	])
		assert.ok(keys.includes(word), word);
});

test('search prompt: the cursor after a Latin query and left of an Arabic one; Ctrl-U empties it; the query stays in the footer after Enter', () => {
	const r = reader(bundled);
	let f = r.act({type: 'openSearch'}, {type: 'searchType', text: 'Putin'});
	const prompt = f.at(-1) ?? '';
	assert.match(prompt, /Putin▏ search:\s*$/, 'right to left: the label on the right, the query left of it, the cursor after it');
	f = r.act({type: 'inputClear'});
	assert.match(f.at(-1) ?? '', /▏ search:\s*$/);
	f = r.act({type: 'searchType', text: 'الاسد'});
	assert.match(f.at(-1) ?? '', /▏دسالا search:/, 'the cursor at the logical end of Arabic: its left');
	f = r.act({type: 'searchSubmit'});
	assert.match(f.at(-1) ?? '', /match \d+\/\d+ of 'دسالا'/, 'the query, in visual order');
	const ltr = reader(parseMarkdown('# T\n\nsome text here\n'));
	assert.match(ltr.act({type: 'openSearch'}, {type: 'searchType', text: 'text'}).at(-1) ?? '', /^\s*search: text▏/);
});

test('go-to prompt: ":" then digits or n%, Enter; shown in place of the footer', () => {
	const sections = Array.from({length: 12}, (_, i) => `## Part ${i + 1}\n\nText of part ${i + 1}.\n`).join('\n');
	const r = reader(parseMarkdown(`# Book\n\n${sections}`));
	let f = r.act({type: 'openGoto', text: '1'}, {type: 'searchType', text: '2'});
	assert.match(f.at(-1) ?? '', /go to \(section, or n%\): 12▏/);
	f = r.act({type: 'gotoSubmit'});
	assert.match(f.join('\n'), /section 12\/\d+/);
	f = r.act({type: 'openGoto'}, {type: 'searchType', text: '0%'}, {type: 'gotoSubmit'});
	assert.match(f.join('\n'), /section 1\/\d+/);
});

test('contents: the gutter is reserved (entries do not move with the cursor); a long title keeps its (N min)', () => {
	const long = parseMarkdown(`# Book\n\n## ${'كلمة طويلة '.repeat(12)}\n\n${'نص '.repeat(400)}\n\n## قصير\n\n${'نص '.repeat(300)}\n`);
	const options: ScreenOptions = {order: 'visual', shape: false, dir: 'rtl'};
	const text = (rows: ScreenRow[]): string[] => rows.map((row) => row.runs.map((r) => r.text).join(''));
	const longAt = long.sections.findIndex((s) => s.title.startsWith('كلمة'));
	const shortAt = long.sections.findIndex((s) => s.title === 'قصير');
	assert.ok(longAt >= 0 && shortAt > longAt);
	const cursorOnShort = text(tocRows(long, shortAt, longAt, 76, 10, options));
	const cursorOnLong = text(tocRows(long, longAt, shortAt, 76, 10, options));
	for (const rows of [cursorOnShort, cursorOnLong]) for (const row of rows) assert.ok(textWidth(row) <= 76, row);
	// The short title sits at the same cells whether or not the cursor is on it (row 0 is the title row).
	const title = (row: string | undefined): number => (row ?? '').indexOf('ريصق'); // قصير in visual order
	assert.ok(title(cursorOnShort[shortAt + 1]) > 0);
	assert.equal(title(cursorOnShort[shortAt + 1]), title(cursorOnLong[shortAt + 1]));
	assert.match(cursorOnShort[shortAt + 1] ?? '', /<$/, 'the cursor points at the title from the right');
	assert.match(cursorOnLong[shortAt + 1] ?? '', /•$/, 'the section on screen');
	// The long title is cut with '…' and keeps its reading time, reading "(N min)".
	assert.match(cursorOnShort[longAt + 1] ?? '', /^\s*\(\d+ min\) …/);
});

test('--width below the narrowest text (qari --width 5 on 80×24): the text is as narrow as the reader allows, not "too small (80×24)"', () => {
	for (const maxWidth of [1, 5, 15]) {
		const geometry = screenGeometry(80, 24, maxWidth);
		assert.equal(geometry.tooSmall, undefined, `--width ${maxWidth}`);
		assert.equal(geometry.width, 16, `--width ${maxWidth}`);
	}
	assert.equal(screenGeometry(80, 24, 40).width, 40);
	// A terminal too narrow for it is still too small.
	assert.equal(screenGeometry(17, 24, 5).tooSmall, 'too small: 17×24');
});

test('a search longer than the prompt shows its end, where one types, after an ellipsis; a short one whole', () => {
	const ltr: ScreenOptions = {order: 'visual', shape: false, dir: 'ltr'};
	const text = (row: ScreenRow): string => row.runs.map((run) => run.text).join('');
	const long = promptRow(`${'x'.repeat(100)}END`, 40, ltr);
	assert.ok(long.width <= 40, `${long.width} cells`);
	assert.match(text(long), /^search: …x+END▏ *$/);
	assert.equal(text(promptRow('short', 40, ltr)).trimEnd(), 'search: short▏');
	// An Arabic query in an Arabic article: its end (and the cursor) on the left, the ellipsis at its start, on the right.
	const rtl: ScreenOptions = {order: 'visual', shape: false, dir: 'rtl'};
	const arabic = text(promptRow(`${'ب'.repeat(100)}ج`, 40, rtl));
	assert.equal(textWidth(arabic), 40);
	assert.match(arabic, /^ *▏جب+… search:$/);
});
