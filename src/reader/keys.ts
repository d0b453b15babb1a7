// Keys are data: one table from key to pager action, per view. The help
// screen and the footer's hints are generated from the same table, so they
// cannot drift from what the keys do.
//
// Logic:
// 1. A key press is first named (`nameKey`): arrows and special keys get a
//    word ('left', 'pagedown', 'escape'), printable keys are themselves.
// 2. The first binding of the view whose key matches and whose conditions
//    hold wins. Conditions: the article's reading direction (← pages forward
//    in a right-to-left article, as a book is read) and whether a search is
//    active (then n/N step through matches).
// 3. Esc is "back" in every view and never quits from the page (as in less):
//    there it clears the search, and with none the footer says that q quits.
//    Only q and Ctrl-C quit.
// 4. The search prompt takes printable text as input; only the keys of its
//    table (Enter, Esc, Backspace, Ctrl-U, Ctrl-C) act. The go-to prompt
//    takes digits and '%'.
// 5. A digit on the page opens its section at once when the article has at
//    most nine; with more, it opens the go-to prompt with the digit typed, so
//    1 2 Enter is section 12 (`:` opens the prompt empty).

import {type Direction} from '../model/article.js';
import {messagesFor, type HintName, type KeyHelpName, type UiLang} from './i18n/index.js';
import {type PagerAction, type View} from './pager.js';

/** The part of a key press (Ink's `Key`) that naming needs. */
export interface KeyPress {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
}

/** A key's name: 'up', 'pagedown', 'escape', 'ctrl+c', ' ' is 'space', printable keys as typed. */
export function nameKey(input: string, key: KeyPress): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'return';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.escape) return 'escape';
	if (key.ctrl) return `ctrl+${input.toLowerCase()}`;
	// SGR mouse reports (--mouse), as Ink hands them over without the ESC: the wheel, or any other button.
	const mouse = /^\[<(\d+);\d+;\d+[Mm]$/.exec(input);
	if (mouse) return mouse[1] === '64' ? 'wheelup' : mouse[1] === '65' ? 'wheeldown' : 'mouse';
	if (input === ' ') return 'space';
	return input;
}

/**
 * The keys in a chunk of typed text, named as `nameKey` names them. Ink hands
 * over several characters at once when they arrive together (a paste, fast
 * typing, a test writing '/query\r'): each character is a key of its own.
 */
export function splitKeys(text: string): string[] {
	return [...text].map((ch) => {
		const code = ch.codePointAt(0) ?? 0;
		if (ch === ' ') return 'space';
		if (ch === '\r' || ch === '\n') return 'return';
		if (ch === '\t') return 'tab';
		if (code === 0x7f || code === 0x08) return 'backspace';
		if (code === 0x1b) return 'escape';
		if (code < 0x20) return `ctrl+${String.fromCharCode(code + 0x60)}`;
		return ch;
	});
}

export interface KeyContext {
	/** The article's reading direction. */
	readonly dir: Direction;
	/** A search with matches is active. */
	readonly searching: boolean;
	/** Number of sections (digits: Logic 5); 9 when not given. */
	readonly sections?: number;
	/** The help screen shows its last row (no 'more' hint). */
	readonly atEnd?: boolean;
}

export interface Binding {
	readonly keys: readonly string[];
	/** The action, or a function of the key (digits). */
	readonly action: PagerAction | ((key: string, context: KeyContext) => PagerAction);
	/** What the keys do, for the help screen: its words in the catalogues (i18n/). */
	readonly help: KeyHelpName;
	/** Only in articles of this direction. */
	readonly dir?: Direction;
	/** Only while a search is active (true) or not (false). */
	readonly searching?: boolean;
	/** Short label for the footer's hints (its words in the catalogues). */
	readonly hint?: HintName;
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const goToDigit = (key: string, context: KeyContext): PagerAction =>
	(context.sections ?? 9) <= 9 ? {type: 'goToSection', section: Number(key) - 1} : {type: 'openGoto', text: key};

/** Every key of every view. Order matters: the first match wins. */
export const keyTable: Readonly<Record<View, readonly Binding[]>> = {
	page: [
		{keys: ['space', 'pagedown'], action: {type: 'pageForward'}, help: 'pageForward', hint: 'next'},
		{keys: ['right'], dir: 'ltr', action: {type: 'pageForward'}, help: 'pageForwardArrow'},
		{keys: ['left'], dir: 'rtl', action: {type: 'pageForward'}, help: 'pageForwardArrow'},
		{keys: ['b', 'pageup'], action: {type: 'pageBack'}, help: 'pageBack'},
		{keys: ['left'], dir: 'ltr', action: {type: 'pageBack'}, help: 'pageBackArrow'},
		{keys: ['right'], dir: 'rtl', action: {type: 'pageBack'}, help: 'pageBackArrow'},
		{keys: ['j', 'down', 'wheeldown'], action: {type: 'lineDown'}, help: 'lineDown'},
		{keys: ['k', 'up', 'wheelup'], action: {type: 'lineUp'}, help: 'lineUp'},
		{keys: ['d'], action: {type: 'halfDown'}, help: 'halfDown'},
		{keys: ['u'], action: {type: 'halfUp'}, help: 'halfUp'},
		{keys: ['n'], searching: true, action: {type: 'nextMatch'}, help: 'nextMatch'},
		{keys: ['N'], searching: true, action: {type: 'previousMatch'}, help: 'previousMatch'},
		{keys: ['n'], searching: false, action: {type: 'nextSection'}, help: 'nextSection', hint: 'section'},
		{keys: ['p'], action: {type: 'previousSection'}, help: 'previousSection'},
		{keys: ['g', 'home'], action: {type: 'sectionStart'}, help: 'sectionStart'},
		{keys: ['G', 'end'], action: {type: 'sectionEnd'}, help: 'sectionEnd'},
		{keys: digits, action: goToDigit, help: 'digits'},
		{keys: [':'], action: {type: 'openGoto'}, help: 'goto'},
		{keys: ['t', 'tab'], action: {type: 'openToc'}, help: 'toc', hint: 'contents'},
		{keys: ['l'], action: {type: 'openLinks'}, help: 'links', hint: 'links'},
		{keys: ['/'], action: {type: 'openSearch'}, help: 'search', hint: 'search'},
		{keys: ['escape'], action: {type: 'clearSearch'}, help: 'clearSearch'},
		{keys: ['?'], action: {type: 'openHelp'}, help: 'help', hint: 'help'},
		{keys: ['ctrl+z'], action: {type: 'suspend'}, help: 'suspend'},
		{keys: ['q', 'ctrl+c'], action: {type: 'quit'}, help: 'quitRemembered', hint: 'quit'},
	],
	toc: [
		{keys: ['up', 'k', 'wheelup'], action: {type: 'tocMove', delta: -1}, help: 'previousEntry'},
		{keys: ['down', 'j', 'wheeldown'], action: {type: 'tocMove', delta: 1}, help: 'nextEntry'},
		{keys: ['pagedown'], action: {type: 'tocMove', delta: 'page'}, help: 'helpNext'},
		{keys: ['pageup'], action: {type: 'tocMove', delta: '-page'}, help: 'helpPrevious'},
		{keys: ['g', 'home'], action: {type: 'tocMove', delta: 'start'}, help: 'helpStart'},
		{keys: ['G', 'end'], action: {type: 'tocMove', delta: 'end'}, help: 'helpEnd'},
		{keys: ['return', 'space'], action: {type: 'tocOpen'}, help: 'openSection', hint: 'open'},
		{keys: digits, action: goToDigit, help: 'openDigit'},
		{keys: ['escape', 't', 'tab', 'q'], action: {type: 'closeView'}, help: 'backToPage', hint: 'back'},
		{keys: ['ctrl+z'], action: {type: 'suspend'}, help: 'suspendShort'},
		{keys: ['ctrl+c'], action: {type: 'quit'}, help: 'quit'},
	],
	help: [
		{keys: ['space', 'pagedown'], action: {type: 'helpScroll', delta: 'page'}, help: 'helpNext', hint: 'more'},
		{keys: ['b', 'pageup'], action: {type: 'helpScroll', delta: '-page'}, help: 'helpPrevious'},
		{keys: ['down', 'j', 'wheeldown'], action: {type: 'helpScroll', delta: 1}, help: 'helpLineDown'},
		{keys: ['up', 'k', 'wheelup'], action: {type: 'helpScroll', delta: -1}, help: 'helpLineUp'},
		{keys: ['g', 'home'], action: {type: 'helpScroll', delta: 'start'}, help: 'helpStart'},
		{keys: ['G', 'end'], action: {type: 'helpScroll', delta: 'end'}, help: 'helpEnd'},
		{keys: ['escape', '?', 'q', 'return'], action: {type: 'closeView'}, help: 'backToPage', hint: 'back'},
		{keys: ['ctrl+z'], action: {type: 'suspend'}, help: 'suspendShort'},
		{keys: ['ctrl+c'], action: {type: 'quit'}, help: 'quit'},
	],
	search: [
		{keys: ['return'], action: {type: 'searchSubmit'}, help: 'searchSubmit', hint: 'search'},
		{keys: ['escape'], action: {type: 'closeView'}, help: 'cancel', hint: 'cancel'},
		{keys: ['backspace'], action: {type: 'searchErase'}, help: 'erase'},
		{keys: ['ctrl+u'], action: {type: 'inputClear'}, help: 'eraseAll'},
		{keys: ['ctrl+c'], action: {type: 'quit'}, help: 'quit'},
	],
	links: [
		{keys: ['up', 'k', 'wheelup'], action: {type: 'linkMove', delta: -1}, help: 'previousLink'},
		{keys: ['down', 'j', 'wheeldown'], action: {type: 'linkMove', delta: 1}, help: 'nextLink'},
		{keys: ['pagedown'], action: {type: 'linkMove', delta: 'page'}, help: 'helpNext'},
		{keys: ['pageup'], action: {type: 'linkMove', delta: '-page'}, help: 'helpPrevious'},
		{keys: ['g', 'home'], action: {type: 'linkMove', delta: 'start'}, help: 'helpStart'},
		{keys: ['G', 'end'], action: {type: 'linkMove', delta: 'end'}, help: 'helpEnd'},
		{keys: ['return'], action: {type: 'linkOpen'}, help: 'linkOpen', hint: 'open'},
		{keys: ['y'], action: {type: 'linkCopy'}, help: 'linkCopy', hint: 'copy'},
		{keys: ['escape', 'l', 'q'], action: {type: 'closeView'}, help: 'backToPage', hint: 'back'},
		{keys: ['ctrl+c'], action: {type: 'quit'}, help: 'quit'},
	],
	goto: [
		{keys: ['return'], action: {type: 'gotoSubmit'}, help: 'go', hint: 'go'},
		{keys: ['escape'], action: {type: 'closeView'}, help: 'cancel', hint: 'cancel'},
		{keys: ['backspace'], action: {type: 'searchErase'}, help: 'erase'},
		{keys: ['ctrl+u'], action: {type: 'inputClear'}, help: 'eraseAll'},
		{keys: ['ctrl+c'], action: {type: 'quit'}, help: 'quit'},
	],
};

function applies(binding: Binding, context: KeyContext): boolean {
	if (binding.dir !== undefined && binding.dir !== context.dir) return false;
	if (binding.searching !== undefined && binding.searching !== context.searching) return false;
	return true;
}

/** The action for a named key in a view, or undefined when the key does nothing there. */
export function actionForKey(view: View, key: string, context: KeyContext): PagerAction | undefined {
	for (const binding of keyTable[view]) {
		if (!binding.keys.includes(key) || !applies(binding, context)) continue;
		return typeof binding.action === 'function' ? binding.action(key, context) : binding.action;
	}
	if (view === 'search' && isTypable(key)) return {type: 'searchType', text: key === 'space' ? ' ' : key};
	if (view === 'goto' && /^[0-9%]$/.test(key)) return {type: 'searchType', text: key};
	return undefined;
}

/** Text the search prompt accepts: printable characters (a paste may bring several). */
function isTypable(key: string): boolean {
	if (key === 'space') return true;
	if (key.length === 0 || key.startsWith('ctrl+')) return false;
	const named = 'up down left right pageup pagedown home end return tab backspace escape wheelup wheeldown mouse'.split(' ');
	return !/[\u0000-\u001f\u007f-\u009f]/.test(key) && !named.includes(key);
}

const keyLabels: Readonly<Record<string, string>> = {
	space: 'Space',
	pagedown: 'PgDn',
	pageup: 'PgUp',
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	home: 'Home',
	end: 'End',
	return: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	backspace: 'Backspace',
	'ctrl+c': 'Ctrl-C',
	'ctrl+u': 'Ctrl-U',
	'ctrl+z': 'Ctrl-Z',
	wheelup: 'wheel',
	wheeldown: 'wheel',
};

/** How a key is written on the help screen. */
export function keyLabel(key: string): string {
	return keyLabels[key] ?? key;
}

export interface HelpRow {
	readonly keys: string;
	readonly help: string;
}

/** The bindings of a view that apply in an article of direction `dir`, as help rows in the chrome's language. */
export function helpRows(view: View, dir: Direction, lang?: UiLang): HelpRow[] {
	const t = messagesFor(lang);
	return keyTable[view]
		.filter((b) => b.dir === undefined || b.dir === dir)
		.map((b) => ({keys: b.keys === digits ? '1–9' : b.keys.map(keyLabel).join(' '), help: t.keys[b.help]}));
}

/** Which hints stay when the footer is short of room: the first ones. */
const hintRank: readonly HintName[] = ['next', 'help', 'quit', 'open', 'go', 'back', 'copy', 'more', 'search', 'contents', 'links', 'section', 'cancel'];

/** Footer hints for a view, most useful first: '← next', '? help', … (the first key of each hinted binding). */
export function hintsFor(view: View, context: KeyContext, lang?: UiLang): string[] {
	const t = messagesFor(lang);
	const hints: {rank: number; text: string}[] = [];
	for (const binding of keyTable[view]) {
		if (!binding.hint || !applies(binding, context)) continue;
		if (binding.hint === 'more' && context.atEnd) continue;
		let keys = binding.keys[0] ?? '';
		// The reading-direction arrow is the better hint for paging.
		if (typeof binding.action !== 'function' && binding.action.type === 'pageForward') keys = context.dir === 'rtl' ? 'left' : 'right';
		const rank = hintRank.indexOf(binding.hint);
		hints.push({rank: rank < 0 ? hintRank.length : rank, text: `${keyLabel(keys)} ${t.hints[binding.hint]}`});
	}
	return hints.sort((a, b) => a.rank - b.rank).map((h) => h.text);
}
