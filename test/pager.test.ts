// The pager reducer without rendering: every action, the edges (the same
// state object back), resize keeping the first visible character, search
// across sections, and the reading-direction key mapping from the key table.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Line} from '../src/model/line.js';
import {createBook, type Book} from '../src/reader/book.js';
import {lineText} from '../src/output/export.js';
import {bundledArticle, loadArticle} from '../src/cli/files.js';
import {actionForKey, helpRows, hintsFor, keyTable, nameKey, splitKeys} from '../src/reader/keys.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {isBlank, lineAtOffset, pageAt, pageCount, pageNumber, paginate} from '../src/layout/paginate.js';
import {createPager, linesOf, QUIT_HINT, reducePager, type PagerAction, type PagerActionType, type PagerState} from '../src/reader/pager.js';

const {article} = loadArticle(bundledArticle);
const book = createBook(article, {order: 'visual', shape: true, dir: 'auto', baseDir: article.dir});
const start = (over: Partial<PagerState> = {}, height = 10, width = 60): PagerState => ({
	...createPager(book, {section: 0, offset: 0, width, height}),
	...over,
});
const run = (state: PagerState, ...actions: PagerAction[]): PagerState => actions.reduce((s, a) => reducePager(s, a, book), state);
const count = (section: number, width = 60): number => book.lines(section, width).length;
const lastTop = (section: number, height = 10, width = 60): number => (pageCount(count(section, width), height) - 1) * height;

/** The line holding logical offset `anchor` is on screen. */
function assertAnchorVisible(lines: readonly Line[], state: PagerState, anchor: number): void {
	const shown = lines.slice(state.top, state.top + state.height);
	const holder = lineAtOffset(lines, anchor);
	assert.ok(holder >= state.top && holder < state.top + state.height, `offset ${anchor} (line ${holder}) is not on the page at ${state.top}`);
	assert.ok(shown.length > 0);
	const next = lines[holder + 1];
	assert.ok((lines[holder]?.offset ?? 0) <= anchor && (next === undefined || next.offset >= anchor));
}

test('the bundled article has three sections, each longer than a page of 10 lines at 60 cells', () => {
	assert.equal(book.count, 3);
	for (let s = 0; s < 3; s++) assert.ok(count(s) > 10, `section ${s + 1}: ${count(s)} lines`);
});

test('paginate: fixed chunks of height lines; page numbers', () => {
	const lines = book.lines(0, 60);
	const pages = paginate(lines, 10);
	assert.equal(pages.length, pageCount(lines.length, 10));
	assert.deepEqual(
		pages.map((p) => p.start),
		pages.map((_, i) => i * 10),
	);
	assert.equal(pages.flatMap((p) => p.lines).length, lines.length);
	assert.deepEqual(paginate([], 10), [{lines: [], start: 0}]);
	assert.deepEqual(pageAt(lines, 10, 10), {lines: lines.slice(10, 20), start: 10});
	assert.equal(pageNumber(35, 0, 10), 1);
	assert.equal(pageNumber(35, 10, 10), 2);
	assert.equal(pageNumber(35, 30, 10), 4);
	assert.equal(pageNumber(35, 26, 10), 4); // the end is on screen
	assert.equal(pageNumber(35, 14, 10), 2);
	assert.equal(pageNumber(35, 16, 10), 3);
});

test("lineDown and lineUp move one line, on into the next section and back into the previous one; the same state at the article's ends", () => {
	const s0 = start();
	assert.equal(run(s0, {type: 'lineUp'}), s0);
	const s1 = run(s0, {type: 'lineDown'});
	assert.equal(s1.top, 1);
	assert.equal(run(s1, {type: 'lineUp'}).top, 0);
	// The end of section 1 on screen: ↓ opens section 2 at its top (as Space does), ↑ there comes back to section 1's end.
	const end = start({top: count(0) - 10});
	const next = run(end, {type: 'lineDown'});
	assert.equal(next.section, 1);
	assert.equal(next.top, 0);
	const back = run(next, {type: 'lineUp'});
	assert.equal(back.section, 0);
	assert.equal(back.top, count(0) - 10);
	const last = start({section: 2, top: count(2) - 10});
	assert.equal(run(last, {type: 'lineDown'}), last);
});

test('d and u move half a page, crossing sections as j and k do', () => {
	const s0 = start();
	assert.equal(run(s0, {type: 'halfDown'}).top, 5);
	assert.equal(run(run(s0, {type: 'halfDown'}), {type: 'halfUp'}).top, 0);
	assert.equal(run(s0, {type: 'halfUp'}), s0);
	const end = start({top: count(0) - 10});
	assert.equal(run(end, {type: 'halfDown'}).section, 1);
});

test('go to: a section number or a percentage, typed then Enter; a digit opens the prompt when there are more than nine sections', () => {
	let s = run(start(), {type: 'openGoto'});
	assert.equal(s.view, 'goto');
	for (const ch of '3') s = run(s, {type: 'searchType', text: ch});
	s = run(s, {type: 'gotoSubmit'});
	assert.equal(s.view, 'page');
	assert.equal(s.section, 2);
	s = run(run(run(start(), {type: 'openGoto', text: '9'}), {type: 'searchType', text: '9'}), {type: 'gotoSubmit'});
	assert.equal(s.section, 0);
	assert.match(s.message, /no section 99/);
	s = run(run(run(start(), {type: 'openGoto', text: '10'}), {type: 'searchType', text: '0%'}), {type: 'gotoSubmit'});
	assert.equal(s.section, 2, '100% is the last section');
	assert.equal(s.top, count(2) - 10, 'at its end');
	s = run(start(), {type: 'goToPercent', percent: 0});
	assert.equal(s.section, 0);
	assert.equal(s.top, 0);
	s = run(start(), {type: 'goToPercent', percent: 50});
	assert.ok(s.section >= 0 && s.section <= 2);
	s = run(run(run(start(), {type: 'openGoto'}), {type: 'searchType', text: '%'}), {type: 'gotoSubmit'});
	assert.match(s.message, /section number/);
	const ctx = (sections: number) => ({dir: 'rtl' as const, searching: false, sections});
	assert.deepEqual(actionForKey('page', '3', ctx(3)), {type: 'goToSection', section: 2});
	assert.deepEqual(actionForKey('page', '1', ctx(12)), {type: 'openGoto', text: '1'});
	assert.deepEqual(actionForKey('page', ':', ctx(3)), {type: 'openGoto'});
	assert.deepEqual(actionForKey('goto', '5', ctx(12)), {type: 'searchType', text: '5'});
	assert.deepEqual(actionForKey('goto', '%', ctx(12)), {type: 'searchType', text: '%'});
	assert.equal(actionForKey('goto', 'x', ctx(12)), undefined);
});

test('Ctrl-U clears the search and go-to prompts; Ctrl-Z asks the UI to suspend and changes nothing', () => {
	let s = run(start(), {type: 'openSearch'});
	s = run(s, {type: 'searchType', text: 'abc'});
	assert.equal(actionForKey('search', 'ctrl+u', {dir: 'rtl', searching: false})?.type, 'inputClear');
	s = run(s, {type: 'inputClear'});
	assert.equal(s.input, '');
	assert.equal(s.view, 'search');
	const page = start();
	assert.equal(actionForKey('page', 'ctrl+z', {dir: 'rtl', searching: false})?.type, 'suspend');
	assert.equal(run(page, {type: 'suspend'}), page);
});

test('help: Space and PgDn page, b and PgUp back, g Home and G End to the ends, never past the last row', () => {
	let s = run(start(), {type: 'openHelp'});
	const length = 35;
	const scroll = (delta: 'page' | '-page' | 'start' | 'end' | number) => (s = run(s, {type: 'helpScroll', delta, length}));
	assert.equal(actionForKey('help', 'space', {dir: 'rtl', searching: false})?.type, 'helpScroll');
	scroll('page');
	assert.equal(s.helpTop, 10);
	scroll('page');
	scroll('page');
	assert.equal(s.helpTop, 25, 'the last page ends at the last row');
	scroll('-page');
	assert.equal(s.helpTop, 15);
	scroll('end');
	assert.equal(s.helpTop, 25);
	scroll(1);
	assert.equal(s.helpTop, 25);
	scroll('start');
	assert.equal(s.helpTop, 0);
	for (const [key, delta] of [
		['g', 'start'],
		['home', 'start'],
		['G', 'end'],
		['end', 'end'],
		['pagedown', 'page'],
		['b', '-page'],
	] as const) {
		const action = actionForKey('help', key, {dir: 'ltr', searching: false});
		assert.deepEqual(action, {type: 'helpScroll', delta}, key);
	}
});

test('pageForward pages, then opens the next section; stops at the end of the article', () => {
	const s0 = start();
	const s1 = run(s0, {type: 'pageForward'});
	assert.equal(s1.top, 10);
	assert.equal(s1.section, 0);
	const atLast = start({top: lastTop(0)});
	const next = run(atLast, {type: 'pageForward'});
	assert.equal(next.section, 1);
	assert.equal(next.top, 0);
	const end = start({section: 2, top: lastTop(2)});
	assert.equal(run(end, {type: 'pageForward'}), end);
});

test('pageBack pages back, then opens the previous section at its last page; stops at the start', () => {
	const s0 = start();
	assert.equal(run(s0, {type: 'pageBack'}), s0);
	assert.equal(run(start({top: 13}), {type: 'pageBack'}).top, 3);
	assert.equal(run(start({top: 4}), {type: 'pageBack'}).top, 0);
	const back = run(start({section: 1, top: 0}), {type: 'pageBack'});
	assert.equal(back.section, 0);
	assert.equal(back.top, lastTop(0));
});

test('nextSection, previousSection, and their edges', () => {
	const s0 = start({top: 10});
	const s1 = run(s0, {type: 'nextSection'});
	assert.deepEqual([s1.section, s1.top, s1.anchor], [1, 0, 0]);
	assert.equal(run(s1, {type: 'previousSection'}).section, 0);
	assert.equal(run(start(), {type: 'previousSection'}).section, 0);
	const first = start();
	assert.equal(run(first, {type: 'previousSection'}), first);
	const last = start({section: 2});
	assert.equal(run(last, {type: 'nextSection'}), last);
});

test('sectionStart and sectionEnd; the same state when already there', () => {
	const s0 = start({top: 12});
	assert.equal(run(s0, {type: 'sectionStart'}).top, 0);
	const end = run(s0, {type: 'sectionEnd'});
	assert.equal(end.top, lastTop(0));
	assert.equal(run(end, {type: 'sectionEnd'}), end);
	const top = start();
	assert.equal(run(top, {type: 'sectionStart'}), top);
});

test('goToSection jumps; a section that does not exist is said once, then the same state', () => {
	const s = run(start({top: 12}), {type: 'goToSection', section: 2});
	assert.deepEqual([s.section, s.top], [2, 0]);
	const missing = run(start(), {type: 'goToSection', section: 8});
	assert.equal(missing.message, 'no section 9: the article has 3');
	assert.equal(missing.section, 0);
	assert.equal(run(missing, {type: 'goToSection', section: 8}), missing);
	// The next move clears the message.
	assert.equal(run(missing, {type: 'lineDown'}).message, '');
});

test('table of contents: open, move (clamped), open a section, close', () => {
	const toc = run(start(), {type: 'openToc'});
	assert.equal(toc.view, 'toc');
	assert.equal(toc.tocCursor, 0);
	assert.equal(run(toc, {type: 'tocMove', delta: -1}), toc);
	const moved = run(toc, {type: 'tocMove', delta: 1}, {type: 'tocMove', delta: 1});
	assert.equal(moved.tocCursor, 2);
	assert.equal(run(moved, {type: 'tocMove', delta: 1}), moved);
	const opened = run(moved, {type: 'tocOpen'});
	assert.deepEqual([opened.view, opened.section, opened.top], ['page', 2, 0]);
	const closed = run(moved, {type: 'closeView'});
	assert.deepEqual([closed.view, closed.section], ['page', 0]);
	const page = start();
	assert.equal(run(page, {type: 'closeView'}), page);
	// A digit in the contents opens that section.
	assert.equal(run(toc, {type: 'goToSection', section: 1}).view, 'page');
});

test('help: open, scroll (not above the top), close', () => {
	const help = run(start(), {type: 'openHelp'});
	assert.equal(help.view, 'help');
	assert.equal(run(help, {type: 'helpScroll', delta: -1}), help);
	assert.equal(run(help, {type: 'helpScroll', delta: 1}).helpTop, 1);
	assert.equal(run(help, {type: 'closeView'}).view, 'page');
});

test('search prompt: typing, erasing (a whole code point), cancelling', () => {
	const prompt = run(start(), {type: 'openSearch'});
	assert.equal(prompt.view, 'search');
	assert.equal(run(prompt, {type: 'searchErase'}), prompt);
	const typed = run(prompt, {type: 'searchType', text: 'ab'}, {type: 'searchType', text: '𝒜'});
	assert.equal(typed.input, 'ab𝒜');
	assert.equal(run(typed, {type: 'searchErase'}).input, 'ab');
	assert.equal(run(typed, {type: 'searchType', text: ''}), typed);
	const cancelled = run(typed, {type: 'closeView'});
	assert.deepEqual([cancelled.view, cancelled.input, cancelled.search], ['page', '', null]);
});

test('a search with no match says so in the footer and changes nothing else', () => {
	const s = run(start({top: 5}), {type: 'openSearch'}, {type: 'searchType', text: 'xyzzy'}, {type: 'searchSubmit'});
	assert.equal(s.message, "no match for 'xyzzy'");
	assert.deepEqual([s.view, s.section, s.top, s.search], ['page', 0, 5, null]);
	// n is the next section again: no search is active.
	assert.equal(run(s, {type: 'nextMatch'}), s);
});

/** The first line of the state's section with the current match. */
const currentLine = (s: PagerState): number => linesOf(book, s).findIndex((l) => l.runs.some((r) => r.style.current === true));

test('search: harakat-free query finds matches across sections; n/N step, wrap, and show the match', () => {
	const query = 'الاسد'; // the article writes الأسد, with hamza
	let s = run(start(), {type: 'openSearch'}, {type: 'searchType', text: query}, {type: 'searchSubmit'});
	assert.ok(s.search);
	const {counts, total} = s.search;
	assert.equal(counts.length, 3);
	assert.equal(
		total,
		counts.reduce((a, b) => a + b, 0),
	);
	assert.ok(total >= 3 && counts.every((c) => c > 0), `counts ${counts.join(',')}`);
	assert.deepEqual(s.search.current, {section: 0, index: 0});
	assert.equal(s.message, `match 1/${total} of 'الاسد'`);
	const seen: string[] = [];
	for (let k = 0; k < total; k++) {
		// The current match is on the page.
		const line = currentLine(s);
		assert.ok(line >= s.top && line < s.top + s.height, `match ${k + 1} on line ${line}, page at ${s.top}`);
		seen.push(`${s.search?.current?.section}:${s.search?.current?.index}`);
		s = run(s, {type: 'nextMatch'});
	}
	// Every match once, in order, then around to the first.
	assert.equal(new Set(seen).size, total);
	assert.deepEqual(s.search?.current, {section: 0, index: 0});
	assert.match(s.message, /search wrapped to the start/);
	const back = run(s, {type: 'previousMatch'});
	assert.deepEqual(back.search?.current, {section: 2, index: (counts[2] ?? 0) - 1});
	assert.match(back.message, /wrapped to the end/);
	const cleared = run(back, {type: 'clearSearch'});
	assert.equal(cleared.search, null);
	assert.equal(cleared.message, '');
	// Nothing left to clear: the footer says what quits; the reader does not quit.
	const again = run(cleared, {type: 'clearSearch'});
	assert.deepEqual([again.message, again.quit, again.section, again.top], [QUIT_HINT, false, cleared.section, cleared.top]);
	assert.equal(run(again, {type: 'clearSearch'}), again);
});

/** Keys typed on the page as the App handles them: named, looked up in the key table, reduced. */
const type = (state: PagerState, ...keys: string[]): PagerState =>
	keys.reduce((s, key) => {
		const action = actionForKey(s.view, key, {dir: article.dir, searching: s.search !== null});
		return action ? reducePager(s, action, book) : s;
	}, state);

test('Esc never quits from the page (issue 10): after a search with no match, after a found one, and with nothing shown', () => {
	// /zzzz Enter: no match; Esc does not quit, it says what does.
	const missed = type(start(), '/', 'z', 'z', 'z', 'z', 'return');
	assert.equal(missed.message, "no match for 'zzzz'");
	const escaped = type(missed, 'escape');
	assert.deepEqual([escaped.quit, escaped.view, escaped.message], [false, 'page', QUIT_HINT]);
	assert.equal(type(escaped, 'escape', 'escape').quit, false);
	// A found search: the first Esc clears it, the second does not quit.
	const found = type(start(), '/', ...'الاسد', 'return');
	assert.ok(found.search && found.search.total > 0);
	const cleared = type(found, 'escape');
	assert.deepEqual([cleared.search, cleared.quit, cleared.message], [null, false, '']);
	const twice = type(cleared, 'escape');
	assert.deepEqual([twice.quit, twice.message], [false, QUIT_HINT]);
	// q and Ctrl-C quit.
	assert.equal(type(twice, 'q').quit, true);
	assert.equal(type(twice, 'ctrl+c').quit, true);
});

test('the page view quits on q and Ctrl-C only', () => {
	const quitting = keyTable.page.filter((b) => typeof b.action !== 'function' && b.action.type === 'quit').flatMap((b) => b.keys);
	assert.deepEqual(quitting, ['q', 'ctrl+c']);
	for (const searching of [false, true]) assert.notEqual(actionForKey('page', 'escape', {dir: 'rtl', searching})?.type, 'quit');
	// The help screen (made from the table) says so.
	const rows = helpRows('page', 'rtl');
	assert.ok(
		rows.some((r) => r.keys === 'q Ctrl-C' && /quit/.test(r.help)),
		JSON.stringify(rows),
	);
	assert.ok(
		rows.some((r) => r.keys === 'Esc' && /never quits/.test(r.help)),
		JSON.stringify(rows),
	);
});

test('search starts at the first match at or below the top of the screen', () => {
	const lines = book.lines(1, 60, {query: 'الاسد', current: -1});
	const hits = lines.map((l, i) => (l.runs.some((r) => r.style.match) ? i : -1)).filter((i) => i >= 0);
	const second = hits.find((i) => i > (hits[0] ?? 0)) ?? 0;
	const s = run(start({section: 1, top: second}), {type: 'openSearch'}, {type: 'searchType', text: 'الاسد'}, {type: 'searchSubmit'});
	assert.equal(s.section, 1);
	assert.ok(currentLine(s) >= second);
	assert.ok((s.search?.current?.index ?? 0) >= 1);
});

test('resize keeps the first visible character on screen, and 60 → 30 → 60 comes back exactly', () => {
	for (const top of [0, 7, 10, 23]) {
		const s = start({section: 1}, 10, 60);
		const placed = run(s, ...Array.from({length: top}, (): PagerAction => ({type: 'lineDown'})));
		const anchor = placed.anchor;
		const shown = linesOf(book, placed).slice(placed.top);
		assert.equal(anchor, shown.find((l) => !isBlank(l))?.offset, 'the anchor is the first visible character');
		for (const [width, height] of [
			[30, 8],
			[45, 20],
			[100, 5],
			[17, 3],
		] as const) {
			const resized = run(placed, {type: 'resize', width, height});
			assert.equal(resized.width, width);
			assert.equal(resized.anchor, anchor, 'a resize keeps the anchor');
			assertAnchorVisible(linesOf(book, resized), resized, anchor);
		}
		const back = run(placed, {type: 'resize', width: 30, height: 8}, {type: 'resize', width: 60, height: 10});
		assert.equal(back.top, placed.top);
		assert.equal(back.anchor, placed.anchor);
	}
	const same = start();
	assert.equal(run(same, {type: 'resize', width: 60, height: 10}), same);
});

test('the anchor is the first character on screen, not a blank line', () => {
	const lines = book.lines(0, 60);
	const blank = lines.findIndex((l, i) => i > 0 && isBlank(l));
	const s = run(start(), ...Array.from({length: blank}, (): PagerAction => ({type: 'lineDown'})));
	assert.equal(s.top, blank);
	assert.equal(s.anchor, lines[blank + 1]?.offset);
});

test('createPager opens at a remembered offset (the line holding it), clamping the section', () => {
	const lines = book.lines(1, 60);
	const target = lines[15];
	assert.ok(target);
	const s = createPager(book, {section: 1, offset: target.offset + 2, width: 60, height: 10});
	assert.equal(s.section, 1);
	assert.equal(lineText(lines[s.top] ?? {runs: [], width: 0, block: 0, offset: 0}), lineText(target));
	assert.equal(createPager(book, {section: 99, offset: 0, width: 60, height: 10}).section, 2);
});

test('quit sets the flag once', () => {
	const q = run(start(), {type: 'quit'});
	assert.equal(q.quit, true);
	assert.equal(run(q, {type: 'quit'}), q);
});

test('every action type is handled without throwing, in every view', () => {
	const all: Record<PagerActionType, PagerAction> = {
		lineDown: {type: 'lineDown'},
		lineUp: {type: 'lineUp'},
		pageForward: {type: 'pageForward'},
		pageBack: {type: 'pageBack'},
		nextSection: {type: 'nextSection'},
		previousSection: {type: 'previousSection'},
		sectionStart: {type: 'sectionStart'},
		sectionEnd: {type: 'sectionEnd'},
		goToSection: {type: 'goToSection', section: 1},
		openToc: {type: 'openToc'},
		tocMove: {type: 'tocMove', delta: 1},
		tocOpen: {type: 'tocOpen'},
		openHelp: {type: 'openHelp'},
		helpScroll: {type: 'helpScroll', delta: 1},
		closeView: {type: 'closeView'},
		openSearch: {type: 'openSearch'},
		searchType: {type: 'searchType', text: 'ب'},
		searchErase: {type: 'searchErase'},
		searchSubmit: {type: 'searchSubmit'},
		nextMatch: {type: 'nextMatch'},
		previousMatch: {type: 'previousMatch'},
		clearSearch: {type: 'clearSearch'},
		resize: {type: 'resize', width: 40, height: 7},
		halfDown: {type: 'halfDown'},
		halfUp: {type: 'halfUp'},
		openGoto: {type: 'openGoto', text: '1'},
		gotoSubmit: {type: 'gotoSubmit'},
		goToPercent: {type: 'goToPercent', percent: 50},
		inputClear: {type: 'inputClear'},
		suspend: {type: 'suspend'},
		openLinks: {type: 'openLinks'},
		linkMove: {type: 'linkMove', delta: 1},
		linkOpen: {type: 'linkOpen'},
		linkCopy: {type: 'linkCopy'},
		showMessage: {type: 'showMessage', text: 'hello'},
		quit: {type: 'quit'},
	};
	for (const view of ['page', 'toc', 'help', 'search', 'goto', 'links'] as const) {
		for (const action of Object.values(all)) {
			const s = run(start({view}), action);
			assert.ok(s.section >= 0 && s.section < 3 && s.top >= 0);
		}
	}
});

test('keys: one table; in a right-to-left article ← pages forward and → back, and the reverse in LTR', () => {
	const rtl = {dir: 'rtl' as const, searching: false};
	const ltr = {dir: 'ltr' as const, searching: false};
	const left = nameKey('', {leftArrow: true});
	const right = nameKey('', {rightArrow: true});
	assert.deepEqual([left, right], ['left', 'right']);
	assert.deepEqual(actionForKey('page', left, rtl), {type: 'pageForward'});
	assert.deepEqual(actionForKey('page', right, rtl), {type: 'pageBack'});
	assert.deepEqual(actionForKey('page', left, ltr), {type: 'pageBack'});
	assert.deepEqual(actionForKey('page', right, ltr), {type: 'pageForward'});
	// Through the reducer: ← in the Arabic article turns the page forward.
	const forward = actionForKey('page', left, rtl);
	assert.ok(forward);
	assert.equal(run(start(), forward).top, 10);
});

// One case a line: [view, key as Ink reports it (input, key), searching, action type or undefined].
const keyCases: [string, string, Parameters<typeof nameKey>[1], boolean, string | undefined][] = [
	['page', ' ', {}, false, 'pageForward'],
	['page', '', {pageDown: true}, false, 'pageForward'],
	['page', 'j', {}, false, 'lineDown'],
	['page', '', {downArrow: true}, false, 'lineDown'],
	['page', 'b', {}, false, 'pageBack'],
	['page', '', {pageUp: true}, false, 'pageBack'],
	['page', 'k', {}, false, 'lineUp'],
	['page', '', {upArrow: true}, false, 'lineUp'],
	['page', 'n', {}, false, 'nextSection'],
	['page', 'n', {}, true, 'nextMatch'],
	['page', 'N', {shift: true} as never, true, 'previousMatch'],
	['page', 'N', {}, false, undefined],
	['page', 'p', {}, true, 'previousSection'],
	['page', 'g', {}, false, 'sectionStart'],
	['page', '', {home: true}, false, 'sectionStart'],
	['page', 'G', {}, false, 'sectionEnd'],
	['page', '', {end: true}, false, 'sectionEnd'],
	['page', '3', {}, false, 'goToSection'],
	['page', 't', {}, false, 'openToc'],
	['page', '', {tab: true}, false, 'openToc'],
	['page', '/', {}, false, 'openSearch'],
	['page', '?', {}, false, 'openHelp'],
	['page', 'q', {}, false, 'quit'],
	['page', '', {escape: true}, false, 'clearSearch'],
	['page', '', {escape: true}, true, 'clearSearch'],
	['page', 'c', {ctrl: true}, false, 'quit'],
	['page', 'x', {}, false, undefined],
	['toc', '', {upArrow: true}, false, 'tocMove'],
	['toc', '', {downArrow: true}, false, 'tocMove'],
	['toc', '', {return: true}, false, 'tocOpen'],
	['toc', '', {escape: true}, false, 'closeView'],
	['toc', '2', {}, false, 'goToSection'],
	['help', '', {escape: true}, false, 'closeView'],
	['help', '?', {}, false, 'closeView'],
	['help', 'j', {}, false, 'helpScroll'],
	['search', 'ب', {}, false, 'searchType'],
	['search', 'q', {}, false, 'searchType'],
	['search', ' ', {}, false, 'searchType'],
	['search', '', {return: true}, false, 'searchSubmit'],
	['search', '', {backspace: true}, false, 'searchErase'],
	['search', '', {escape: true}, false, 'closeView'],
	['search', 'c', {ctrl: true}, false, 'quit'],
	['search', '', {leftArrow: true}, false, undefined],
];

for (const [view, input, key, searching, type] of keyCases) {
	test(`key ${JSON.stringify(input)} ${JSON.stringify(key)} in ${view}${searching ? ' (searching)' : ''} → ${type ?? 'nothing'}`, () => {
		const action = actionForKey(view as 'page', nameKey(input, key), {dir: 'rtl', searching});
		assert.equal(action?.type, type);
	});
}

test('digits go to sections 1–9', () => {
	assert.deepEqual(actionForKey('page', '1', {dir: 'ltr', searching: false}), {type: 'goToSection', section: 0});
	assert.deepEqual(actionForKey('page', '9', {dir: 'ltr', searching: false}), {type: 'goToSection', section: 8});
});

test('help and hints come from the same table, with the arrows of the reading direction', () => {
	const rtl = helpRows('page', 'rtl');
	assert.ok(rtl.some((r) => r.keys === '←' && /next page/.test(r.help)));
	assert.ok(rtl.some((r) => r.keys === '→' && /previous page/.test(r.help)));
	assert.ok(helpRows('page', 'ltr').some((r) => r.keys === '→' && /next page/.test(r.help)));
	assert.equal(rtl.length, keyTable.page.length - 2); // the two LTR-only arrow rows are left out
	assert.equal(hintsFor('page', {dir: 'rtl', searching: false})[0], '← next');
	assert.equal(hintsFor('page', {dir: 'ltr', searching: false})[0], '→ next');
	for (const view of ['page', 'toc', 'help', 'search'] as const) for (const row of helpRows(view, 'ltr')) assert.ok(row.keys && row.help);
});

test('a left-to-right article pages with →', () => {
	const ltrArticle = parseMarkdown(`# T\n\n${'word '.repeat(400)}\n\n## Two\n\nmore text`, {});
	const ltrBook: Book = createBook(ltrArticle, {order: 'visual', shape: false, dir: 'auto', baseDir: 'ltr'});
	const s = createPager(ltrBook, {section: 0, offset: 0, width: 40, height: 5});
	const forward = actionForKey('page', 'right', {dir: ltrArticle.dir, searching: false});
	assert.ok(forward);
	assert.equal(reducePager(s, forward, ltrBook).top, 5);
});

test('a chunk of typed text is one key per character, control characters named', () => {
	assert.deepEqual(splitKeys('/روسيا\r'), ['/', 'ر', 'و', 'س', 'ي', 'ا', 'return']);
	assert.deepEqual(splitKeys('nj q'), ['n', 'j', 'space', 'q']);
	assert.deepEqual(splitKeys('a\u007f\t\u001b\u0003𝒜'), ['a', 'backspace', 'tab', 'escape', 'ctrl+c', '𝒜']);
});

test('long contents and links lists: PgDn/PgUp move a screen of entries, Home/g and End/G to the ends (a book of 40 sections)', () => {
	const links = Array.from({length: 30}, (_, i) => `[رابط ${i}](https://example.com/${i})`).join('\n\n');
	const long = parseMarkdown(`# كتاب\n\n${links}\n\n${Array.from({length: 39}, (_, i) => `## قسم ${i + 2}\n\nنص.\n`).join('\n')}`);
	const longBook = createBook(long, {order: 'visual', shape: true, dir: 'auto', baseDir: long.dir});
	const press = (state: PagerState, ...keys: string[]): PagerState =>
		keys.reduce((s, key) => {
			const action = actionForKey(s.view, key, {dir: 'rtl', searching: false, sections: longBook.count});
			assert.ok(action, `${key} does something in ${s.view}`);
			return reducePager(s, action, longBook);
		}, state);
	const page = createPager(longBook, {section: 0, offset: 0, width: 60, height: 10});
	assert.equal(longBook.count, 40);
	// The list shows height - 1 entries under its title: a screen of them.
	const toc = press(page, 't');
	assert.equal(press(toc, 'pagedown').tocCursor, 9);
	assert.equal(press(toc, 'pagedown', 'pagedown', 'pageup').tocCursor, 9);
	assert.equal(press(toc, 'end').tocCursor, 39);
	assert.equal(press(toc, 'G').tocCursor, 39);
	assert.equal(press(toc, 'end', 'pagedown').tocCursor, 39);
	assert.equal(press(toc, 'end', 'home').tocCursor, 0);
	assert.equal(press(toc, 'end', 'g').tocCursor, 0);
	assert.equal(press(toc, 'pageup').tocCursor, 0);
	const list = press(page, 'l');
	assert.equal(list.view, 'links');
	assert.equal(press(list, 'pagedown').linkCursor, 9);
	assert.equal(press(list, 'end').linkCursor, 29);
	assert.equal(press(list, 'G', 'pageup').linkCursor, 20);
	assert.equal(press(list, 'end', 'home').linkCursor, 0);
});
