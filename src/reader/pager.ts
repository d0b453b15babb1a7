// The reader's state and the one function that changes it. Pure: every
// action gives a new state, or the same state object at an edge (the first
// page, the last section, a search with nothing to find), so the view can
// tell "nothing happened" by identity.
//
// Logic:
// 1. The place is (section, top line). `anchor` is the logical offset of the
//    first character on screen: it does not depend on the width, so a resize
//    lays the section out again and puts the line holding the anchor on top.
//    Only moves set the anchor; a resize keeps it, so 80 → 50 → 80 columns
//    comes back to exactly the same screen.
// 2. Paging forward off the end of a section opens the next one; back off
//    the start opens the previous section's last page: the article reads
//    like one book. Line and half-page moves go on into the next section at
//    its top, and back into the previous one at its end (as a wheel scrolls).
// 3. Search keeps the query, the match count of every section and the current
//    match (section, number within the section). n/N step through them
//    across sections, wrapping around with a message. To show the current
//    match the section is laid out with it marked (`current`) and the pager
//    opens the page holding the marked line.

import {type Line} from '../model/line.js';
import {type Book, type Highlight} from './book.js';
import {isBlank, lineAtOffset, pageCount} from '../layout/paginate.js';
import {foldQuery} from './search.js';
import {sectionLinks} from './links.js';

export type View = 'page' | 'toc' | 'help' | 'search' | 'goto' | 'links';

/** The footer's answer to Esc on the page with no search to clear. */
export const QUIT_HINT = 'q quits';

export interface Search {
	readonly query: string;
	/** Matches per section. */
	readonly counts: readonly number[];
	readonly total: number;
	/** The current match: section (0-based) and its number within the section. */
	readonly current: {readonly section: number; readonly index: number} | null;
}

export interface PagerState {
	/** 0-based section. */
	readonly section: number;
	/** First line on screen, in the section's lines. */
	readonly top: number;
	/** Logical offset of the first character on screen (see Logic 1). */
	readonly anchor: number;
	/** Text width in cells. */
	readonly width: number;
	/** Body height in lines. */
	readonly height: number;
	readonly view: View;
	/** Highlighted row of the table of contents. */
	readonly tocCursor: number;
	/** First line shown of the help screen. */
	readonly helpTop: number;
	/** Highlighted entry of the links list. */
	readonly linkCursor: number;
	/** What is typed in the search prompt. */
	readonly input: string;
	readonly search: Search | null;
	/** One line for the footer (cleared by the next action). */
	readonly message: string;
	readonly quit: boolean;
}

export type PagerAction =
	| {readonly type: 'lineDown'}
	| {readonly type: 'lineUp'}
	| {readonly type: 'pageForward'}
	| {readonly type: 'pageBack'}
	| {readonly type: 'nextSection'}
	| {readonly type: 'previousSection'}
	| {readonly type: 'sectionStart'}
	| {readonly type: 'sectionEnd'}
	/** 0-based section. */
	| {readonly type: 'goToSection'; readonly section: number}
	| {readonly type: 'openToc'}
	/** Entries, or a screen of them (the list's rows under its title), or to the first or last. */
	| {readonly type: 'tocMove'; readonly delta: ListDelta}
	| {readonly type: 'tocOpen'}
	| {readonly type: 'openHelp'}
	/** Lines, or a page, or to the start or end; `length` is the help's length in rows (the UI knows it). */
	| {readonly type: 'helpScroll'; readonly delta: number | 'page' | '-page' | 'start' | 'end'; readonly length?: number}
	| {readonly type: 'halfDown'}
	| {readonly type: 'halfUp'}
	/** The go-to prompt: a section number or a percentage of the article. */
	| {readonly type: 'openGoto'; readonly text?: string}
	| {readonly type: 'gotoSubmit'}
	/** 0–100: the place that share of the article in. */
	| {readonly type: 'goToPercent'; readonly percent: number}
	| {readonly type: 'inputClear'}
	/** Ctrl-Z: the UI suspends the process; the state does not change. */
	| {readonly type: 'suspend'}
	/** The links list of the section on screen (links.ts). */
	| {readonly type: 'openLinks'}
	| {readonly type: 'linkMove'; readonly delta: ListDelta}
	/** Open or copy the link at the cursor: done by the UI; the state does not change. */
	| {readonly type: 'linkOpen'}
	| {readonly type: 'linkCopy'}
	/** A line for the footer (what the UI did: opened, copied). */
	| {readonly type: 'showMessage'; readonly text: string}
	| {readonly type: 'closeView'}
	| {readonly type: 'openSearch'}
	| {readonly type: 'searchType'; readonly text: string}
	| {readonly type: 'searchErase'}
	| {readonly type: 'searchSubmit'}
	| {readonly type: 'nextMatch'}
	| {readonly type: 'previousMatch'}
	| {readonly type: 'clearSearch'}
	| {readonly type: 'resize'; readonly width: number; readonly height: number}
	| {readonly type: 'quit'};

export type PagerActionType = PagerAction['type'];

/** Where a reader is in a book: what it saves and opens at. */
export interface Place {
	/** 0-based section. */
	readonly section: number;
	/** Logical offset of the first character on screen. */
	readonly offset: number;
}

export interface StartOptions extends Place {
	readonly width: number;
	readonly height: number;
}

/** The state to open a book with, at a section and offset (clamped). */
export function createPager(book: Book, start: StartOptions): PagerState {
	const section = Math.max(0, Math.min(start.section, book.count - 1));
	const base: PagerState = {
		section,
		top: 0,
		anchor: 0,
		width: start.width,
		height: Math.max(1, start.height),
		view: 'page',
		tocCursor: section,
		helpTop: 0,
		linkCursor: 0,
		input: '',
		search: null,
		message: '',
		quit: false,
	};
	if (start.offset <= 0) return base;
	const lines = linesOf(book, base);
	const top = lineAtOffset(lines, start.offset);
	return {...base, top, anchor: anchorOf(lines, top)};
}

/** The lines of the state's section as the pager shows them (with search highlights). */
export function linesOf(book: Book, state: PagerState, section = state.section): readonly Line[] {
	return book.lines(section, state.width, highlightOf(state.search, section));
}

/** The highlight a section is laid out with under a search. */
export function highlightOf(search: Search | null, section: number): Highlight | undefined {
	if (!search || search.total === 0) return undefined;
	return {query: search.query, current: search.current?.section === section ? search.current.index : -1};
}

function anchorOf(lines: readonly Line[], top: number): number {
	// A blank line's offset is that of the text after it; either way, the
	// anchor is the first character at or after the top of the screen.
	let i = top;
	while (i < lines.length - 1 && isBlank(lines[i])) i++;
	return lines[i]?.offset ?? 0;
}

/** Moves to (section, top), clearing the one-shot message; the same state if nothing changes. */
function moveTo(book: Book, state: PagerState, section: number, top: number): PagerState {
	if (section === state.section && top === state.top) return state.message ? {...state, message: ''} : state;
	const lines = linesOf(book, state, section);
	return {...state, section, top, anchor: anchorOf(lines, top), message: '', tocCursor: section};
}

/** Top line of the last page of a section. */
function lastPageTop(count: number, height: number): number {
	return (pageCount(count, height) - 1) * height;
}

/** Top line of the page holding line `index`. */
function pageTopOf(index: number, height: number): number {
	return Math.floor(index / height) * height;
}

function withMessage(state: PagerState, message: string): PagerState {
	return state.message === message ? state : {...state, message};
}

/** A move in the contents or the links list. */
export type ListDelta = number | 'page' | '-page' | 'start' | 'end';

/** The cursor after a move in a list of `count` entries, `height` rows of screen (the title's row is not the list's). */
function listCursor(cursor: number, delta: ListDelta, count: number, height: number): number {
	const screen = Math.max(1, height - 1);
	const wanted =
		delta === 'start' ? 0 : delta === 'end' ? count - 1 : delta === 'page' ? cursor + screen : delta === '-page' ? cursor - screen : cursor + delta;
	return Math.max(0, Math.min(count - 1, wanted));
}

/** The reader's reducer. Pure given a deterministic book. */
export function reducePager(state: PagerState, action: PagerAction, book: Book): PagerState {
	const h = state.height;
	switch (action.type) {
		case 'lineDown':
			return scrollDown(book, state, 1);
		case 'lineUp':
			return scrollUp(book, state, 1);
		case 'halfDown':
			return scrollDown(book, state, Math.max(1, Math.floor(h / 2)));
		case 'halfUp':
			return scrollUp(book, state, Math.max(1, Math.floor(h / 2)));
		case 'goToPercent':
			return goToPercent(book, state, action.percent);
		case 'openGoto':
			return {...state, view: 'goto', input: action.text ?? '', message: ''};
		case 'gotoSubmit':
			return submitGoto(book, {...state, view: 'page', input: ''}, state.input.trim());
		case 'inputClear':
			return state.input ? {...state, input: ''} : state;
		case 'suspend':
		case 'linkOpen':
		case 'linkCopy':
			return state;
		case 'openLinks': {
			const section = book.article.sections[state.section];
			if (!section || sectionLinks(section).length === 0) return withMessage(state, 'no links in this section');
			return {...state, view: 'links', linkCursor: 0, message: ''};
		}
		case 'linkMove': {
			const section = book.article.sections[state.section];
			const count = section ? sectionLinks(section).length : 0;
			const cursor = Math.max(0, listCursor(state.linkCursor, action.delta, count, h));
			return cursor === state.linkCursor ? state : {...state, linkCursor: cursor};
		}
		case 'showMessage':
			return withMessage(state, action.text);
		case 'pageForward': {
			const lines = linesOf(book, state);
			if (state.top + h < lines.length) return moveTo(book, state, state.section, state.top + h);
			if (state.section + 1 < book.count) return moveTo(book, state, state.section + 1, 0);
			return state;
		}
		case 'pageBack': {
			if (state.top > 0) return moveTo(book, state, state.section, Math.max(0, state.top - h));
			if (state.section === 0) return state;
			const previous = linesOf(book, state, state.section - 1);
			return moveTo(book, state, state.section - 1, lastPageTop(previous.length, h));
		}
		case 'nextSection':
			if (state.section + 1 >= book.count) return state;
			return moveTo(book, state, state.section + 1, 0);
		case 'previousSection':
			if (state.section === 0) return state;
			return moveTo(book, state, state.section - 1, 0);
		case 'sectionStart':
			return moveTo(book, state, state.section, 0);
		case 'sectionEnd':
			return moveTo(book, state, state.section, lastPageTop(linesOf(book, state).length, h));
		case 'goToSection': {
			if (action.section < 0 || action.section >= book.count) return withMessage(state, `no section ${action.section + 1}: the article has ${book.count}`);
			const moved = moveTo(book, state, action.section, 0);
			return moved.view === 'page' ? moved : {...moved, view: 'page'};
		}
		case 'openToc':
			return {...state, view: 'toc', tocCursor: state.section, message: ''};
		case 'tocMove': {
			const cursor = listCursor(state.tocCursor, action.delta, book.count, h);
			return cursor === state.tocCursor ? state : {...state, tocCursor: cursor};
		}
		case 'tocOpen': {
			const moved = state.tocCursor === state.section ? state : moveTo(book, state, state.tocCursor, 0);
			return {...moved, view: 'page'};
		}
		case 'openHelp':
			return {...state, view: 'help', helpTop: 0, message: ''};
		case 'helpScroll': {
			const last = action.length === undefined ? Infinity : Math.max(0, action.length - h);
			const {delta} = action;
			const wanted =
				delta === 'start' ? 0 : delta === 'end' ? last : delta === 'page' ? state.helpTop + h : delta === '-page' ? state.helpTop - h : state.helpTop + delta;
			const helpTop = Math.max(0, Math.min(last, wanted));
			return helpTop === state.helpTop ? state : {...state, helpTop};
		}
		case 'closeView':
			return state.view === 'page' ? state : {...state, view: 'page', input: ''};
		case 'openSearch':
			return {...state, view: 'search', input: '', message: ''};
		case 'searchType':
			return action.text ? {...state, input: state.input + action.text} : state;
		case 'searchErase': {
			if (!state.input) return state;
			const chars = [...state.input];
			chars.pop();
			return {...state, input: chars.join('')};
		}
		case 'searchSubmit':
			return submitSearch(book, {...state, view: 'page'});
		case 'nextMatch':
			return stepMatch(book, state, 1);
		case 'previousMatch':
			return stepMatch(book, state, -1);
		case 'clearSearch':
			// Esc on the page (keys.ts, Logic 3): with no search to clear it never quits, and says what does.
			return state.search ? {...state, search: null, message: ''} : withMessage(state, QUIT_HINT);
		case 'resize': {
			const width = Math.max(1, action.width);
			const height = Math.max(1, action.height);
			if (width === state.width && height === state.height) return state;
			const sized = {...state, width, height};
			const top = lineAtOffset(linesOf(book, sized), state.anchor);
			return {...sized, top};
		}
		case 'quit':
			return state.quit ? state : {...state, quit: true};
	}
}

/** Top line that shows the end of a section of `count` lines. */
function endTop(count: number, height: number): number {
	return Math.max(0, count - height);
}

/** Scrolls `n` lines down, on into the next section (at its top) from the end of one. */
function scrollDown(book: Book, state: PagerState, n: number): PagerState {
	const lines = linesOf(book, state);
	const end = endTop(lines.length, state.height);
	if (state.top < end) return moveTo(book, state, state.section, Math.min(end, state.top + n));
	if (state.section + 1 < book.count) return moveTo(book, state, state.section + 1, 0);
	return state;
}

/** Scrolls `n` lines up, back into the previous section (at its end) from the top of one. */
function scrollUp(book: Book, state: PagerState, n: number): PagerState {
	if (state.top > 0) return moveTo(book, state, state.section, Math.max(0, state.top - n));
	if (state.section === 0) return state;
	const previous = linesOf(book, state, state.section - 1);
	return moveTo(book, state, state.section - 1, endTop(previous.length, state.height));
}

/** The place `percent` of the way through the article, by the sections' sizes (as the footer measures it). */
function goToPercent(book: Book, state: PagerState, percent: number): PagerState {
	const sections = book.article.sections;
	const sizes = sections.map((s) => Math.max(1, s.size));
	const total = sizes.reduce((a, b) => a + b, 0);
	let goal = (Math.max(0, Math.min(100, percent)) / 100) * total;
	let section = 0;
	while (section < sizes.length - 1 && goal >= (sizes[section] ?? 0)) goal -= sizes[section++] ?? 0;
	const lines = linesOf(book, state, section);
	const share = goal / (sizes[section] ?? 1);
	const top = Math.min(endTop(lines.length, state.height), Math.floor(share * lines.length));
	const moved = moveTo(book, state, section, Math.max(0, top));
	return moved.view === 'page' ? moved : {...moved, view: 'page'};
}

/** What the go-to prompt takes: `12` (a section), `50%` (a share of the article). */
function submitGoto(book: Book, state: PagerState, text: string): PagerState {
	const percent = /^(\d{1,3})\s*%$/.exec(text);
	if (percent) return goToPercent(book, state, Number(percent[1]));
	if (/^\d{1,9}$/.test(text)) return reducePager(state, {type: 'goToSection', section: Number(text) - 1}, book);
	if (text === '') return state;
	return withMessage(state, `go to: a section number (1–${book.count}) or a percentage (50%)`);
}

/** Runs the typed query from the current place: the first match on or after the top of the screen. */
function submitSearch(book: Book, state: PagerState): PagerState {
	const query = state.input.trim();
	if (!foldQuery(query)) return {...state, input: '', search: null, message: ''};
	const counts = Array.from({length: book.count}, (_, s) => book.matches(s, query));
	const total = counts.reduce((a, b) => a + b, 0);
	const base: PagerState = {...state, input: ''};
	if (total === 0) return {...base, search: null, message: `no match for '${query}'`};
	const search: Search = {query, counts, total, current: null};
	// In this section: the first match at or below the top of the screen.
	const here = counts[state.section] ?? 0;
	const first = firstMatchFrom(book, state, search, here);
	if (first >= 0) return showMatch(book, {...base, search}, state.section, first, '');
	// Then the sections after it, wrapping around to the start.
	for (let k = 1; k <= book.count; k++) {
		const s = (state.section + k) % book.count;
		if ((counts[s] ?? 0) > 0) return showMatch(book, {...base, search}, s, 0, s <= state.section ? 'search wrapped to the start' : '');
	}
	return {...base, search, message: `no match for '${query}'`};
}

/** Line of match `index` of a section, laid out with it marked current; -1 if not found. */
function matchLine(book: Book, state: PagerState, search: Search, section: number, index: number): number {
	const lines = book.lines(section, state.width, {query: search.query, current: index});
	return lines.findIndex((line) => line.runs.some((run) => run.style.current === true));
}

/** Number of the first match of the section at or after the top of the screen (binary search over matches). */
function firstMatchFrom(book: Book, state: PagerState, search: Search, count: number): number {
	let lo = 0;
	let hi = count - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (matchLine(book, state, search, state.section, mid) >= state.top) {
			found = mid;
			hi = mid - 1;
		} else lo = mid + 1;
	}
	return found;
}

function showMatch(book: Book, state: PagerState, section: number, index: number, message: string): PagerState {
	const {search} = state;
	if (!search) return state;
	const marked: PagerState = {...state, search: {...search, current: {section, index}}};
	const line = Math.max(0, matchLine(book, marked, search, section, index));
	// Stay put if the match is already on screen; else open its page.
	const visible = section === state.section && line >= state.top && line < state.top + state.height;
	const top = visible ? state.top : pageTopOf(line, state.height);
	const lines = linesOf(book, marked, section);
	const n = search.counts.slice(0, section).reduce((a, b) => a + b, 0) + index + 1;
	const note = `match ${n}/${search.total} of '${search.query}'${message ? ` · ${message}` : ''}`;
	return {...marked, section, top, anchor: anchorOf(lines, top), tocCursor: section, message: note};
}

function stepMatch(book: Book, state: PagerState, step: 1 | -1): PagerState {
	const {search} = state;
	if (!search || search.total === 0) return state;
	const {counts} = search;
	const current = search.current ?? {section: state.section, index: step === 1 ? -1 : (counts[state.section] ?? 0)};
	let section = current.section;
	let index = current.index + step;
	let wrapped = false;
	// Walk to the next section that has matches (at most once around).
	for (let k = 0; k <= book.count; k++) {
		const count = counts[section] ?? 0;
		if (index >= 0 && index < count) {
			return showMatch(book, state, section, index, wrapped ? (step === 1 ? 'search wrapped to the start' : 'search wrapped to the end') : '');
		}
		section += step;
		if (section >= book.count) {
			section = 0;
			wrapped = true;
		} else if (section < 0) {
			section = book.count - 1;
			wrapped = true;
		}
		index = step === 1 ? 0 : (counts[section] ?? 0) - 1;
	}
	return state;
}
