// Rows for a terminal that reorders each row itself (implicit bidi: mlterm,
// Konsole, Terminal.app; `--bidi terminal`). Such a terminal runs UAX #9 on
// every row as a paragraph of its own, takes its direction from the first
// strong character, and lays a right-to-left row out from the right edge of
// the window. qari builds each row so that what the terminal shows is the
// screen app mode draws.
//
// Logic:
// 1. A row is assembled as in app mode (visual order: padding, gutters, table
//    cells, footer parts in their places), except that each paragraph line is
//    a unit: its runs in logical order between an opening marker (which says
//    the paragraph's direction) and a closing one.
// 2. implicitRuns turns such a row into what the terminal is sent. For a
//    right-to-left row the items come in reverse order (the terminal reverses
//    them back); text between units (fills, gutters, separators, rules:
//    neutral characters and digits) is reversed too, digit runs kept in order
//    and brackets mirrored, since the terminal reverses and mirrors it.
// 3. Every unit is bounded by marks of the row's direction, so the neutrals
//    around it (padding, bars) take the row's direction; a unit of the other
//    direction goes inside an embedding (LRE or RLE … PDF), where it resolves
//    as its own paragraph does. Inside a unit, a mark at either end stands for
//    the strong character before or after the line in its paragraph, so a
//    line's edges resolve as they did in the whole paragraph; inline code and
//    URLs (isolated by the paragraph layout) go in LRE … PDF, code blocks in
//    LRO … PDF (app mode never reorders them).
// 4. The row's own direction is stated by the first character the terminal
//    gets (RLM or LRM): frame.ts writes it, then the margin.
// 5. No box-drawing or block character (U+2500–U+259F) in these rows: mlterm
//    reads one as a break that forces the rest of the row left to right
//    (vt_bidi.c), so rules, bars and the progress bar use other glyphs.
// Marks are qari's own, written per row: runs carrying them have the
// `control` style, which terminal/sgr passes through (it strips every bidi
// control from article text).

import {type Direction} from '../model/article.js';
import {type Run, type RunStyle} from '../model/line.js';
import {bidiClassOf, mirrorCode} from '../text/bidi.js';

export const LRM = '\u200e';
export const RLM = '\u200f';
const LRE = '\u202a';
const RLE = '\u202b';
const PDF = '\u202c';
const LRO = '\u202d';

/** The style of a run of marks qari writes itself (see terminal/sgr). */
export const CONTROL: RunStyle = {control: true};

const openLtr: Run = {text: '', style: {}};
const openRtl: Run = {text: '', style: {}};
const close: Run = {text: '', style: {}};

/** The glyphs of rules, bars and the progress bar: box drawing, or (implicit rows, Logic 5) others. */
export interface Glyphs {
	readonly rule: string;
	readonly doubleRule: string;
	readonly bar: string;
	readonly cross: string;
	readonly full: string;
	readonly empty: string;
	/** The search prompt's cursor. */
	readonly cursor: string;
}

export const BOX_GLYPHS: Glyphs = {rule: '─', doubleRule: '═', bar: '│', cross: '┼', full: '█', empty: '░', cursor: '▏'};
export const PLAIN_GLYPHS: Glyphs = {rule: '―', doubleRule: '=', bar: '|', cross: '+', full: '■', empty: '□', cursor: '|'};

export function glyphsFor(implicit: boolean | undefined): Glyphs {
	return implicit ? PLAIN_GLYPHS : BOX_GLYPHS;
}

/** The mark that states a direction. */
export function markOf(dir: Direction): string {
	return dir === 'rtl' ? RLM : LRM;
}

const control = (text: string): Run => ({text, style: CONTROL});

const urlStart = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i;

/** Whether the paragraph layout isolates a run (inline code, a URL as link text). */
function isolated(run: Run): boolean {
	return run.style.code === true || (run.style.href !== undefined && urlStart.test(run.text));
}

/**
 * One paragraph line as a unit (Logic 1): its logical runs, with the direction
 * of the strong characters before and after it in its paragraph when they
 * differ from the paragraph's (Logic 3).
 */
export function unitRuns(runs: readonly Run[], dir: Direction, before?: Direction | 'al', after?: Direction): Run[] {
	const out: Run[] = [dir === 'rtl' ? openRtl : openLtr];
	if (before === 'ltr' && dir === 'rtl') out.push(control(LRM));
	if ((before === 'rtl' || before === 'al') && dir === 'ltr') out.push(control(RLM));
	if (before === 'al') runs = afterArabicLetter(runs);
	runs.forEach((run, i) => {
		if (!isolated(run)) {
			out.push(run);
			return;
		}
		// An isolate is a neutral to the text around it: marks of the direction it
		// takes there (N1, N2) stand for it outside the embedding.
		const previous = strongAround(runs, i, -1) ?? (before === 'al' ? 'rtl' : before) ?? dir;
		const next = strongAround(runs, i, 1) ?? after ?? dir;
		const mark = markOf(previous === next ? previous : dir);
		out.push(control(mark + LRE), run, control(PDF + mark));
	});
	if (after && after !== dir) out.push(control(markOf(after)));
	out.push(close);
	return out;
}

/**
 * A line whose paragraph has an Arabic letter before it: digits before the
 * line's first strong character are Arabic numbers there (W2), which a
 * percent or plus sign next to them does not join (W4, W5), but to the
 * terminal they follow an RLM, not a letter. An RLM between such a digit and
 * sign keeps them apart for it too. (ALM would say it, but fonts lack it.)
 */
function afterArabicLetter(runs: readonly Run[]): Run[] {
	const out: Run[] = [];
	let strong = false;
	for (const run of runs) {
		if (strong || run.style === CONTROL) {
			out.push(run);
			continue;
		}
		let from = 0;
		const text = run.text;
		for (let i = 0; i < text.length && !strong; i++) {
			const c = bidiClassOf(text.charCodeAt(i));
			if (c <= 2) strong = true;
			else if (i > 0) {
				const p = bidiClassOf(text.charCodeAt(i - 1));
				// EN = 3, ES = 4, ET = 5 (text/bidi-levels.ts).
				if ((p === 3 && (c === 4 || c === 5)) || ((p === 4 || p === 5) && c === 3)) {
					out.push({text: text.slice(from, i), style: run.style}, control(RLM));
					from = i;
				}
			}
		}
		out.push(from === 0 ? run : {text: text.slice(from), style: run.style});
	}
	return out;
}

/** Direction of the nearest strong character before (step −1) or after (+1) run i, outside isolated runs. */
function strongAround(runs: readonly Run[], i: number, step: 1 | -1): Direction | undefined {
	for (let k = i + step; k >= 0 && k < runs.length; k += step) {
		const run = runs[k];
		if (!run || isolated(run)) continue;
		const found = step === 1 ? firstStrong(run.text, 0) : lastStrong(run.text, 0, run.text.length);
		if (found) return found === 'al' ? 'rtl' : found;
	}
	return undefined;
}

/** Whether runs hold a unit (rows of implicit mode that need converting). */
export function hasUnit(runs: readonly Run[]): boolean {
	return runs.some((r) => r === openLtr || r === openRtl);
}

/** Neutral text read backwards: clusters reversed, digit runs kept, brackets mirrored (Logic 2). */
function reverseNeutral(text: string): string {
	const parts = text.match(/[0-9\u0660-\u0669\u06f0-\u06f9]+|[\s\S][\u0300-\u036f\u064b-\u065f\u0670]*/g) ?? [];
	let out = '';
	for (let i = parts.length - 1; i >= 0; i--) {
		const part = parts[i] ?? '';
		const code = part.codePointAt(0) ?? 0;
		const mirrored = part.length === 1 ? mirrorCode(code) : code;
		out += mirrored === code ? part : String.fromCodePoint(mirrored) + part.slice(1);
	}
	return out;
}

/**
 * A row assembled in visual order with units (Logic 1) as the runs a terminal
 * that reorders must be sent to show it, for a row of direction `dir`
 * (without the leading mark: frame.ts writes it before the margin).
 */
export function implicitRuns(runs: readonly Run[], dir: Direction): Run[] {
	// Items: each unit whole, each other run on its own.
	const items: Run[][] = [];
	let unit: Run[] | undefined;
	let unitDir: Direction = 'ltr';
	for (const run of runs) {
		if (run === openLtr || run === openRtl) {
			unit = [];
			unitDir = run === openRtl ? 'rtl' : 'ltr';
		} else if (run === close) {
			if (unit && unit.some((r) => r.text !== '' && r.style !== CONTROL)) {
				const body = unitDir === dir ? unit : [control(unitDir === 'rtl' ? RLE : LRE), ...unit, control(PDF)];
				items.push([control(markOf(dir)), ...body, control(markOf(dir))]);
			}
			unit = undefined;
		} else if (unit) unit.push(run);
		else if (run.text === '') continue;
		else if (run.style.code) items.push([control(markOf(dir) + LRO), run, control(PDF + markOf(dir))]);
		else items.push([dir === 'rtl' ? {text: reverseNeutral(run.text), style: run.style} : run]);
	}
	if (dir === 'rtl') items.reverse();
	const out: Run[] = [];
	for (const item of items) for (const run of item) out.push(run);
	// Neighbouring marks collapse: a mark twice in a row says nothing more.
	return out.filter((run, i) => !(run.style === CONTROL && out[i - 1]?.style === CONTROL && run.text === out[i - 1]?.text && run.text.length === 1));
}

/** Direction of the last strong character of text[from, to), 'al' for an Arabic letter, or undefined. */
export function lastStrong(text: string, from: number, to: number): Direction | 'al' | undefined {
	for (let i = to - 1; i >= from; i--) {
		const code = text.charCodeAt(i);
		const dir = strongDirection(code);
		if (dir) return dir === 'rtl' && bidiClassOf(code) === 2 ? 'al' : dir;
	}
	return undefined;
}

/** Direction of the first strong character of text[from, …), or undefined. */
export function firstStrong(text: string, from: number): Direction | undefined {
	for (let i = from; i < text.length; i++) {
		const dir = strongDirection(text.charCodeAt(i));
		if (dir) return dir;
	}
	return undefined;
}

function strongDirection(code: number): Direction | undefined {
	const c = bidiClassOf(code);
	// L = 0, R = 1, AL = 2 (text/bidi-levels.ts).
	return c === 0 ? 'ltr' : c === 1 || c === 2 ? 'rtl' : undefined;
}
