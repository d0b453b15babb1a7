// The screen's geometry: how wide the text is, where it sits and how many
// lines of it a page holds, for a terminal of a given size.
//
// Logic:
// 1. The text is at most 100 cells (or --width) wide, centred with a margin
//    of at least 2 cells (1 below 60 columns). A --width below the narrowest
//    text the reader lays out (16) counts as 16: the terminal is not "too small".
// 2. The frame fills the terminal, to its last row (the footer's place).
//    Ink would clear the whole screen before such a frame; the reader draws
//    it in place instead (terminal/paint.ts).
// 3. On a terminal that draws bidi marks as blank cells (mlterm), the text is
//    a few cells narrower, so a row's marks fit beside it (`reserve`).
// 4. Small terminals get a compact frame (one header row, no rules); too
//    small ones get a one-line message instead of a frame, in the chrome's
//    language and digits: the longest wording that fits the width.

import {localDigits, messagesFor, type UiLang} from '../i18n/index.js';
import {textWidth} from '../../text/width.js';
import {fitText, plainStyle, wordsDir, type ScreenOptions} from './rows.js';

export interface Geometry {
	readonly columns: number;
	readonly rows: number;
	/** Text width of the body, header and footer. */
	readonly width: number;
	/** Blank cells left of the text. */
	readonly margin: number;
	/** Lines of body text per page. */
	readonly height: number;
	/** Compact frame: one header row, no rules. */
	readonly compact: boolean;
	/** Set when the terminal is too small for any frame: the one line to show. */
	readonly tooSmall: string | undefined;
}

/** The widest text qari lays out unless --width says otherwise. */
export const MAX_TEXT_WIDTH = 100;
export const MIN_TEXT_WIDTH = 16;
export const MIN_BODY_HEIGHT = 2;

/** Cells kept free beside the text for bidi marks drawn as blank cells (Logic 3). */
export const MARK_RESERVE = 8;

/** The reserve for a reader's screen options: MARK_RESERVE where marks take cells. */
export function markReserve(options: {readonly marksTakeCells?: boolean}): number {
	return options.marksTakeCells ? MARK_RESERVE : 0;
}

/** Screen geometry for a terminal of `columns` × `rows`; `maxWidth` caps the text width; `reserve` cells stay free beside it; `lang` words the too-small line. */
export function screenGeometry(columns: number, rows: number, maxWidth = MAX_TEXT_WIDTH, reserve = 0, lang?: UiLang): Geometry {
	const minMargin = columns >= 60 ? 2 : 1;
	const cap = maxWidth > 0 ? Math.max(MIN_TEXT_WIDTH, maxWidth) : MAX_TEXT_WIDTH;
	const width = Math.max(0, Math.min(cap, columns - 2 * minMargin - reserve));
	const margin = Math.max(0, Math.floor((columns - width) / 2));
	const compact = rows < 14;
	// Full: title, section, rule, body, rule, footer; compact: section, body, footer.
	const chrome = compact ? 2 : 5;
	const height = rows - chrome;
	if (width < MIN_TEXT_WIDTH || height < MIN_BODY_HEIGHT) {
		const t = messagesFor(lang);
		const need = localDigits(`${MIN_TEXT_WIDTH + 2}×${MIN_BODY_HEIGHT + 2}`, lang);
		const size = localDigits(`${columns}×${rows}`, lang);
		// The longest message that fits.
		const messages = [t.tooSmall(size, need), t.tooSmallShort(size), t.tooSmallShortest, '!'];
		const message = messages.find((m) => textWidth(m) <= columns) ?? '';
		return {columns, rows, width, margin, height: Math.max(1, height), compact, tooSmall: message};
	}
	return {columns, rows, width, margin, height, compact, tooSmall: undefined};
}

/** The too-small line as the terminal should be given it: in the chrome's direction, in visual order where qari reorders. */
export function tooSmallText(message: string, columns: number, options: ScreenOptions): string {
	const dir = wordsDir(options);
	if (dir === 'ltr' || !message) return message;
	return fitText(message, plainStyle, columns, dir, {...options, dir})
		.runs.map((run) => run.text)
		.join('');
}
