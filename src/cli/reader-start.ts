// What the reader decides before it draws anything, without Ink or React:
// the bidi mode, the book, where to open; and the first frame, painted.
//
// Logic:
// 1. The CLI calls prepareReader as soon as the article is parsed and starts
//    loading Ink and React (dist/reader.js) at the same time.
// 2. The remembered place is read here, and a warning about it is written
//    before the alternate screen, so it is still there after quitting. A
//    place in a page that changed is found again by its paragraph, or kept
//    inside the article (near-place.ts).
// 3. firstPaint is the first frame as text: it enters the alternate screen
//    and draws the same rows (frame.ts) that Ink's first render draws for the
//    same state, from the same book — whose layout cache then already holds
//    the section on screen. The reader is so on screen before Ink has
//    loaded; Ink then draws over an identical screen, and keys typed in
//    between wait in the terminal's input queue.

import {type Article, type Direction} from '../model/article.js';
import {createBook, type Book} from '../reader/book.js';
import {markReserve, screenGeometry} from '../reader/screen/geometry.js';
import {type ScreenOptions} from '../reader/screen/rows.js';
import {frameRows, frameText} from '../reader/screen/frame.js';
import {createPager, type Place} from '../reader/pager.js';
import {uiLangFromEnv, type UiLang} from '../reader/i18n/index.js';
import {articleKey, describePlaces, loadPosition, positionsPath} from './positions.js';
import {nearOf, placeOf} from './near-place.js';
import {chooseBidi, detectTerminal, enterSequence, leaveSequence, type BidiChoice, type BidiMode, type Env} from '../terminal/detect.js';
import {type SignalGuard} from './signal-guard.js';

const CURSOR_HOME = '\u001B[H';

export interface ReaderOptions {
	readonly article: Article;
	/** The article's text, for the key of its remembered position. */
	readonly text: string;
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	/** The environment terminal detection, positions and NO_COLOR read. */
	readonly env: Env;
	readonly bidi: 'auto' | BidiMode;
	readonly shape: 'auto' | 'on' | 'off';
	readonly dir: 'auto' | Direction;
	/** Cap on the text width (--width); 0 or undefined: 100. */
	readonly maxWidth?: number;
	/** 0-based section to open (--section); overrides the remembered place. */
	readonly section?: number;
	/** Ignore the remembered place (--from-start). */
	readonly fromStart?: boolean;
	/** Scroll with the mouse wheel (--mouse; the terminal's text selection then needs Shift). */
	readonly mouse?: boolean;
	/** The chrome's language (--ui-lang); 'auto' or undefined: from the locale. */
	readonly uiLang?: 'auto' | UiLang;
	readonly color: boolean;
	/** Print a stack with internal errors. */
	readonly debug?: boolean;
	/** Where positions are kept; default from the environment (XDG_STATE_HOME). */
	readonly positionsFile?: string;
}

export interface ReaderSetup {
	readonly choice: BidiChoice;
	readonly book: Book;
	readonly chrome: ScreenOptions;
	/** Where to open: --section, else the remembered place, else the start. */
	readonly place: Place;
	/** The positions file and the article's key in it. */
	readonly positionsFile: string;
	readonly key: string;
}

/** Decides the bidi mode, makes the book and finds the place to open (Logic 2). */
export function prepareReader(options: ReaderOptions): ReaderSetup {
	const {article, stderr} = options;
	const choice = {...chooseBidi(options.bidi, detectTerminal(options.env)), ...(options.mouse ? {mouse: true} : {})};
	const order = choice.bidi === 'app' ? 'visual' : 'logical';
	const shape = options.shape === 'auto' ? choice.bidi === 'app' : options.shape === 'on';
	const book = createBook(article, {order, shape, dir: options.dir, baseDir: article.dir, ...(choice.marksTakeCells ? {fewMarks: true} : {})});
	const lang = options.uiLang && options.uiLang !== 'auto' ? options.uiLang : uiLangFromEnv(options.env);
	const chrome: ScreenOptions = {
		order,
		shape,
		dir: article.dir,
		...(choice.marksTakeCells ? {marksTakeCells: true} : {}),
		...(lang === 'en' ? {} : {lang}),
	};

	const positionsFile = options.positionsFile ?? positionsPath(options.env);
	const key = articleKey(options.text);
	let place: Place = {section: 0, offset: 0};
	if (options.section !== undefined) {
		place = {section: options.section, offset: 0};
	} else if (!options.fromStart) {
		const loaded = loadPosition(positionsFile, key);
		if (loaded.warning) stderr.write(`qari: warning: ${loaded.warning}\n`);
		// Found again by its paragraph if the page changed, else kept inside the article (near-place.ts).
		if (loaded.position) place = placeOf(book, {section: loaded.position.section - 1, offset: loaded.position.offset}, loaded.position.near);
	}
	describePlaces(key, (at) => nearOf(book, at));
	return {choice, book, chrome, place, positionsFile, key};
}

/** The terminal's size as the reader reads it (80×24 when unknown). */
export function terminalSize(stdout: NodeJS.WriteStream): {columns: number; rows: number} {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/**
 * The first frame as the terminal should show it, entering the alternate
 * screen and ending with the cursor home, where Ink draws its own first frame
 * (Logic 3); undefined when the terminal is too small (Ink says so).
 */
export function firstPaint(setup: ReaderSetup, size: {columns: number; rows: number}, options: {maxWidth?: number; color: boolean}): string | undefined {
	const geometry = screenGeometry(size.columns, size.rows, options.maxWidth, markReserve(setup.chrome));
	if (geometry.tooSmall) return undefined;
	const state = createPager(setup.book, {...setup.place, width: geometry.width, height: geometry.height});
	const rows = frameRows({
		state,
		geometry,
		book: setup.book,
		chrome: setup.chrome,
		color: options.color,
		help: () => [],
		context: {dir: setup.chrome.dir, searching: false},
	});
	// The alternate screen keeps the cursor where the shell left it: the frame starts home.
	return `${enterSequence(setup.choice)}${CURSOR_HOME}${frameText(rows)}${CURSOR_HOME}`;
}

/**
 * Enters the alternate screen and draws the first frame (Logic 3), with the
 * keyboard in raw mode so nothing typed meanwhile is echoed. Until
 * runReader takes the terminal over, a signal (through the guard) or
 * `restore` gives it back. Undefined if nothing was drawn.
 */
export function paintFirstFrame(
	setup: ReaderSetup,
	options: ReaderOptions,
	keys: NodeJS.ReadStream,
	stdout: NodeJS.WriteStream,
	signals: SignalGuard,
): {restore(): void} | undefined {
	const frame = firstPaint(setup, terminalSize(stdout), {...(options.maxWidth ? {maxWidth: options.maxWidth} : {}), color: options.color});
	if (frame === undefined) return undefined;
	let restored = false;
	const restore = (): void => {
		if (restored) return;
		restored = true;
		try {
			keys.setRawMode?.(false);
			stdout.write(leaveSequence(setup.choice));
		} catch {
			// The terminal is gone.
		}
	};
	signals.own(restore);
	keys.setRawMode?.(true);
	stdout.write(frame);
	return {restore};
}
