// What every row of the reader's screen outside the body is made of: a row
// of styled runs, one paragraph of text fit into a row, rows aligned and
// joined in reading order. Pure: frame.ts turns rows into terminal strings.
//
// Logic:
// 1. Any text that may be right to left (titles, a query) goes through the
//    paragraph layout, so it is reordered and shaped like the body.
// 2. Rows of a right-to-left article are laid out right to left: they start
//    at the right edge and their parts come in mirrored order.
// 3. For a terminal that reorders rows itself (logical order: --bidi
//    terminal), rows are put together as in visual order with each piece of
//    text a unit (layout/implicit.ts); frame.ts turns them into what that
//    terminal is sent.

import {type Direction} from '../../model/article.js';
import {type Run, type RunStyle} from '../../model/line.js';
import {layoutParagraph, type Order} from '../../text/paragraph.js';
import {textWidth} from '../../text/width.js';
import {firstStrong, glyphsFor, unitRuns} from '../../layout/implicit.js';
import {messagesFor, type UiLang} from '../i18n/index.js';

/** How the screen's rows are laid out: as the body is, in the article's direction. */
export interface ScreenOptions {
	readonly order: Order;
	readonly shape: boolean;
	/** The article's reading direction. */
	readonly dir: Direction;
	/** The terminal draws bidi marks as blank cells (mlterm): frame.ts makes room for them. */
	readonly marksTakeCells?: boolean;
	/** The chrome's language (i18n/): English when not given. */
	readonly lang?: UiLang;
}

/** The options the chrome is laid out with: a right-to-left language lays it out right to left, whatever the article. */
export function chromeOptions(options: ScreenOptions): ScreenOptions {
	return messagesFor(options.lang).rtl && options.dir !== 'rtl' ? {...options, dir: 'rtl'} : options;
}

/** The paragraph direction of the chrome's own words: right to left in a right-to-left language, else left to right. */
export function wordsDir(options: ScreenOptions): Direction {
	return messagesFor(options.lang).rtl ? 'rtl' : 'ltr';
}

/** A row of the screen: styled runs, left to right, `width` cells wide. */
export interface ScreenRow {
	readonly runs: readonly Run[];
	readonly width: number;
}

export const plainStyle: RunStyle = {};
export const dimStyle: RunStyle = {dim: true};
export const strongStyle: RunStyle = {strong: true};

/** Whether rows are for a terminal that reorders them (Logic 3): the reader's logical order is only for such terminals. */
export function isImplicit(options: ScreenOptions): boolean {
	return options.order === 'logical';
}

/** Whether a row's parts are placed in visual order (app mode, and implicit rows: Logic 3). */
export function placesVisually(options: ScreenOptions): boolean {
	return options.order === 'visual' || isImplicit(options);
}

/** Left-to-right text (hints, numbers) as a row: a unit of its own in implicit rows. */
export function ltrRow(text: string, style: RunStyle, options: ScreenOptions): ScreenRow {
	const row = rowOf([{text, style}]);
	return isImplicit(options) ? {runs: unitRuns(row.runs, 'ltr'), width: row.width} : row;
}

/** A row of runs, measured. */
export function rowOf(runs: readonly Run[]): ScreenRow {
	let width = 0;
	for (const run of runs) width += textWidth(run.text);
	return {runs, width};
}

/**
 * One paragraph of text in one row of at most `width` cells, cut with '…'
 * at its logical end when too long. `dir` is the paragraph direction.
 */
export function fitText(text: string, style: RunStyle, width: number, dir: 'auto' | Direction, options: ScreenOptions): ScreenRow {
	if (width <= 0) return {runs: [], width: 0};
	const spans = [{text, style}];
	const base = {order: options.order, shape: options.shape, dir, fallback: options.dir};
	const whole = layoutParagraph(spans, {...base, width});
	const first = whole.lines[0];
	if (!first) return {runs: [], width: 0};
	const unit = (row: ScreenRow): ScreenRow => (isImplicit(options) ? {runs: unitRuns(row.runs, whole.direction), width: row.width} : row);
	if (whole.lines.length === 1) return unit({runs: first.runs, width: first.width});
	const cut = layoutParagraph(spans, {...base, width: Math.max(1, width - 1)}).lines[0];
	const runs = cut?.runs ?? [];
	const ellipsis: Run = {text: '…', style};
	if (isImplicit(options)) {
		// The cut line with the direction of what follows it (layout/implicit.ts, Logic 3); '…' beside it, outside.
		const cutUnit = unitRuns(runs, whole.direction, undefined, firstStrong(text, cut?.end ?? text.length));
		const w = rowOf(runs).width + 1;
		return {runs: whole.direction === 'rtl' ? [ellipsis, ...cutUnit] : [...cutUnit, ellipsis], width: w};
	}
	// The logical end of a right-to-left line is on its left, in visual order.
	const atLeft = options.order === 'visual' && whole.direction === 'rtl';
	return unit(rowOf(atLeft ? [ellipsis, ...runs] : [...runs, ellipsis]));
}

/** Pads a row to `width` on the side away from the reading direction's start. */
export function alignRow(row: ScreenRow, width: number, options: ScreenOptions): ScreenRow {
	const room = width - row.width;
	if (room <= 0 || options.dir !== 'rtl' || !placesVisually(options)) return row;
	return {runs: [{text: ' '.repeat(room), style: plainStyle}, ...row.runs], width};
}

/** Joins parts with gaps, in reading order: mirrored for a right-to-left article in visual order. */
export function joinParts(parts: readonly ScreenRow[], gap: number, options: ScreenOptions): ScreenRow {
	const ordered = options.dir === 'rtl' && placesVisually(options) ? [...parts].reverse() : parts;
	const runs: Run[] = [];
	ordered.forEach((part, i) => {
		if (i > 0 && gap > 0) runs.push({text: ' '.repeat(gap), style: plainStyle});
		runs.push(...part.runs);
	});
	return rowOf(runs);
}

/** A rule across the text width (no box drawing in implicit rows: layout/implicit.ts, Logic 6). */
export function ruleRow(width: number, options?: ScreenOptions): ScreenRow {
	const rule = glyphsFor(options !== undefined && isImplicit(options)).rule;
	return {runs: [{text: rule.repeat(Math.max(0, width)), style: dimStyle}], width: Math.max(0, width)};
}
