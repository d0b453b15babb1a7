// One styled paragraph → laid-out lines, in the order of UAX #9 §3.4.
//
// Logic:
// 1. Flatten the spans into one logical string plus a style id per code
//    unit. URLs go inside LRI…PDI so they stay left to right whatever
//    surrounds them. Inline code goes inside FSI…PDI (RTL text in code reads
//    right to left: `7 מטרים`), between two marks of its own first strong
//    direction (LRM when it has none): outside, the span is one unit that acts
//    as a strong character of that direction, as an English word would, so
//    `finally running npm ci` keeps its order in a Hebrew sentence. The marks
//    are outside the isolate, so P2–P3 would see them: an 'auto' paragraph's
//    direction is taken from the text without them (as if the span were a
//    plain isolate). Styles never enter the string: no ANSI here.
// 2. Resolve embedding levels once for the whole paragraph (bidi/). Levels
//    must not depend on where lines break, so this comes before wrapping. In
//    logical order only the paragraph's direction is needed, not the levels.
// 3. Shape Arabic in logical order, before measuring: shaping changes widths
//    (lam + alef becomes one cell). Inline code is shaped on its own (its
//    letters never join across the span's edge). The shaper keeps the
//    string's length, so levels and styles still line up index for index.
// 4. Break lines in logical order by cluster widths (wrap.ts). The clusters
//    are measured once, marked on the code units (width.ts measureUnits);
//    the same marks keep each cluster whole when a line is reordered (L3).
// 5. Per line: reorder (L1–L3, bidi/), mirror at odd levels (L4), drop
//    what must never be printed (bidi controls, the shaper's U+FEFF filler,
//    the hard-break marker), and group neighbouring clusters of one style
//    into runs. In logical order only step 5's dropping and grouping apply.
// 6. Nothing here allocates per character: per-unit data lives in typed
//    scratch arrays reused from paragraph to paragraph, and a visual line is
//    built as code units in a buffer and becomes one string per run, read as
//    UTF-16LE through a Buffer over the same memory (five times faster than
//    String.fromCharCode.apply on a line). Whether a code unit is hidden, half
//    of a surrogate pair or mirrored is one lookup in a table built on first
//    use; a paragraph of one style (most) skips the style lookup per unit.
//    When that paragraph's levels are all the paragraph's (bidi/index.ts `simple`
//    and `uniform`: most prose in one script), a line is copied straight
//    from the text, cluster by cluster, last to first at an odd level, with
//    no order array to fill and read back (bidi/fast-paths.ts orderUniformLine).
//    On a book this is most of the layout's time.

import {outOfRange} from './checked.js';
import {HIDDEN_RANGES, hasHidden, isHidden} from './char-class.js';
import {extendsCluster, firstStrongDirection, mirrorCode, reorderLineInto, resolveLevels, type ParagraphLevels, type ReorderOptions} from './bidi/index.js';
import {MIRRORING_PAIRS} from './data/mirroring-data.js';
import {shapeArabic} from './shape.js';
import {isLowSurrogate, unitsToString} from './utf16.js';
import {measureUnits, type UnitMeasure} from './width.js';
import {breakLines} from './wrap.js';

export type Order = 'visual' | 'logical';
export type Direction = 'ltr' | 'rtl';

/**
 * What the paragraph reads of a span's style: inline code is isolated (first
 * strong) and shaped on its own, a link whose text is a URL is isolated LTR. Any richer style (the model's)
 * fits and is carried through to the runs untouched.
 */
export interface SpanStyle {
	readonly code?: boolean;
	readonly href?: string;
}

/** A piece of text with one style: the paragraph's spans (logical order) and its runs (visual). */
export interface StyledText<S extends object = SpanStyle> {
	readonly text: string;
	readonly style: S;
}

export interface ParagraphOptions {
	/** Line width in cells; 0 = no wrapping. */
	readonly width: number;
	readonly order: Order;
	/** Arabic presentation forms (inline code shaped on its own). */
	readonly shape: boolean;
	/** Paragraph direction: 'auto' = first strong character, else `fallback`. */
	readonly dir: 'auto' | Direction;
	readonly fallback: Direction;
	/** Extra styles over logical ranges of the paragraph's text (search matches). */
	readonly marks?: readonly Mark[];
}

/**
 * A logical range [start, end) of a paragraph's plain text with a style to add: its
 * flags are spread over the span's style (the reader's search matches), so the runs
 * carry a richer style than the spans' type says when the caller's style has them.
 */
export interface Mark {
	readonly start: number;
	readonly end: number;
	readonly style: object;
}

export interface ParagraphLine<S extends object = SpanStyle> {
	/** Visual runs (or logical, in logical order); no padding. */
	readonly runs: readonly StyledText<S>[];
	readonly width: number;
	/** Offset of the line's first character in the paragraph's plain text. */
	readonly offset: number;
	/** Offset just after the line's last character (break spaces excluded). */
	readonly end: number;
}

export interface LaidParagraph<S extends object = SpanStyle> {
	readonly lines: readonly ParagraphLine<S>[];
	readonly direction: Direction;
	/** Length of the paragraph's plain text (what offsets count). */
	readonly length: number;
}

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';
const LRM = '\u200e';
const RLM = '\u200f';

/**
 * The paragraph's logical text and what is known about each code unit. The arrays are
 * module scratch reused by every paragraph (layoutParagraph is not re-entrant): the
 * paragraph pipeline allocates per paragraph and per line, never per character.
 */
interface Logical<S extends object> {
	readonly text: string;
	/** Style id per code unit of `text`. */
	readonly styleIds: Uint32Array;
	readonly styles: readonly S[];
	/** Plain-text offset per code unit (isolates we added do not count); null = the identity. */
	readonly plainOffset: Uint32Array | null;
	/** Whether each code unit is inside inline code (shaped on its own); null = none is. */
	readonly code: Uint8Array | null;
	readonly plainLength: number;
	/** The text P2–P3 read: `text` without the marks around code (Logic 1); null = `text`. */
	readonly p2Text: string | null;
}

const urlPattern = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*$/i;

/** The plain text of a paragraph, as `marks` and line offsets count it. */
export function paragraphText(inline: readonly StyledText[]): string {
	let text = '';
	for (const span of inline) text += span.text;
	return text.includes('\t') ? text.replace(/\t/g, ' ') : text;
}

let styleScratch = new Uint32Array(1024);
let offsetScratch = new Uint32Array(1024);
let codeScratch = new Uint8Array(1024);
/** Scratch kept between paragraphs, in code units: a huge paragraph's is let go. */
const KEEP = 1 << 18;

/** The flags the paragraph reads, from any caller's style. */
function spanStyle(style: object): SpanStyle {
	return style;
}

function isolates(span: StyledText<object>, text: string): boolean {
	const style = spanStyle(span.style);
	return style.code === true || (style.href !== undefined && urlPattern.test(text));
}

function buildLogical<S extends object>(inline: readonly StyledText<S>[], marks: readonly Mark[] | undefined): Logical<S> {
	// Sizes first, so the per-unit arrays are filled by ranges, not pushed to.
	let length = 0;
	let anyIsolate = false;
	let anyCode = false;
	const texts: string[] = [];
	for (const span of inline) {
		const text = span.text.includes('\t') ? span.text.replace(/\t/g, ' ') : span.text;
		texts.push(text);
		const isolate = isolates(span, text);
		anyIsolate ||= isolate;
		anyCode ||= spanStyle(span.style).code === true;
		length += text.length + (isolate ? 2 : 0) + (isolate && spanStyle(span.style).code === true ? 2 : 0);
	}
	if (styleScratch.length < length) {
		const size = Math.max(length, styleScratch.length * 2);
		styleScratch = new Uint32Array(size);
		offsetScratch = new Uint32Array(size);
		codeScratch = new Uint8Array(size);
	}
	const styleIds = styleScratch;
	const plainOffset = anyIsolate ? offsetScratch : null;
	const code = anyCode ? codeScratch : null;

	const styles: S[] = [];
	// Most paragraphs have one span, or a few of one or two styles: a scan of
	// `styles` finds an id sooner than a Map would be built.
	let styleIndex: Map<S, number> | undefined;
	let text = '';
	let p2Text: string | null = null;
	let at = 0;
	let plain = 0;
	for (let k = 0; k < inline.length; k++) {
		const span = inline[k] ?? outOfRange();
		const piece = texts[k] ?? outOfRange();
		const style = span.style;
		let id = styles.length <= 8 ? styles.indexOf(style) : (styleIndex?.get(style) ?? -1);
		if (id < 0) {
			id = styles.length;
			styles.push(style);
			if (styles.length > 8) {
				styleIndex ??= new Map(styles.map((s, i) => [s, i]));
				styleIndex.set(style, id);
			}
		}
		const isCode = spanStyle(style).code === true;
		const isolate = isolates(span, piece);
		// Isolates and marks take the span's style, are code and have no plain offset.
		const added = (): void => {
			styleIds[at] = id;
			if (code) code[at] = 1;
			if (plainOffset) plainOffset[at] = plain;
			at++;
		};
		const mark = isCode ? (firstStrongDirection(piece) === 'rtl' ? RLM : LRM) : '';
		if (isolate) {
			if (mark) added();
			added();
		}
		const to = at + piece.length;
		styleIds.fill(id, at, to);
		code?.fill(isCode ? 1 : 0, at, to);
		if (plainOffset) for (let u = at; u < to; u++) plainOffset[u] = plain + u - at;
		plain += piece.length;
		at = to;
		if (isolate) {
			added();
			if (mark) added();
		}
		if (!isolate) {
			text += piece;
			if (p2Text !== null) p2Text += piece;
		} else if (mark) {
			if (p2Text === null) p2Text = text;
			text += mark + FSI + piece + PDI + mark;
			p2Text += FSI + piece + PDI;
		} else {
			text += LRI + piece + PDI;
			if (p2Text !== null) p2Text += LRI + piece + PDI;
		}
	}
	if (marks?.length) {
		// Marks refine the style of the code units they cover, each in turn.
		const derived = new Map<number, number>();
		marks.forEach((mark, m) => {
			for (let k = firstUnitAt(plainOffset, length, mark.start); k < length; k++) {
				const offset = plainOffset ? (plainOffset[k] ?? outOfRange()) : k;
				if (offset >= mark.end) break;
				const base = styleIds[k] ?? outOfRange();
				const key = base * marks.length + m;
				let id = derived.get(key);
				if (id === undefined) {
					id = styles.length;
					styles.push({...styles[base], ...mark.style} as S);
					derived.set(key, id);
				}
				styleIds[k] = id;
			}
		});
	}
	return {text, styleIds, styles, plainOffset, code, plainLength: plain, p2Text};
}

/** The first code unit whose plain offset is at least `offset` (offsets never decrease). */
function firstUnitAt(plainOffset: Uint32Array | null, length: number, offset: number): number {
	if (!plainOffset) return Math.max(0, Math.min(offset, length));
	let lo = 0;
	let hi = length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((plainOffset[mid] ?? outOfRange()) < offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function shapeCodeApart(logical: Logical<object>): string {
	const {text, code} = logical;
	if (!code) return shapeArabic(text);
	let out = '';
	let k = 0;
	while (k < text.length) {
		let j = k;
		const isCode = code[k] === 1;
		while (j < text.length && (code[j] === 1) === isCode) j++;
		out += shapeArabic(text.slice(k, j));
		k = j;
	}
	return out;
}

let scratch: UnitMeasure = {starts: new Uint8Array(256), widths: new Uint8Array(256), count: 0};
let order = new Int32Array(256);
/** A visual line's code units before they become strings, one per run; `unitBytes` is the same memory. */
let units = new Uint16Array(256);
let unitBytes = Buffer.from(units.buffer);

// What visualRuns must do with a code unit other than copy it, one byte per BMP code unit.
const HIDDEN = 1; // isHidden
const HIGH = 2; // a high surrogate: maybe a pair, kept in order
const MIRRORED = 4; // has a mirror glyph (L4 at odd levels)
let unitFlags: Uint8Array | undefined;

/**
 * The table visualRuns reads (HIDDEN, else HIGH, else MIRRORED, else 0 per BMP code unit),
 * built on first use from ranges and the mirroring pairs: a test of every code unit cost
 * more at start than the table saves on a short article (and the JIT compiled the loop
 * and dropped it again). Exported for the test that checks it against isHidden and mirrorCode.
 */
export function unitFlagTable(): Uint8Array {
	if (unitFlags) return unitFlags;
	const flags = new Uint8Array(0x10000);
	// Lowest precedence first: a later fill wins.
	for (let i = 0; i + 1 < MIRRORING_PAIRS.length; i += 2) {
		const code = MIRRORING_PAIRS[i] ?? outOfRange();
		if (code <= 0xffff && mirrorCode(code) !== code) flags[code] = MIRRORED;
	}
	flags.fill(HIGH, 0xd800, 0xdc00);
	for (const [from, to] of HIDDEN_RANGES) flags.fill(HIDDEN, from, to + 1);
	unitFlags = flags;
	return flags;
}

let levelScratch = new Uint8Array(1024);

/** Lays out one paragraph. Pure; never throws on content. */
export function layoutParagraph<S extends object>(inline: readonly StyledText<S>[], options: ParagraphOptions): LaidParagraph<S> {
	const logical = buildLogical(inline, options.marks);
	// Logical order needs only the paragraph's direction, not every level.
	if (levelScratch.length < logical.text.length) levelScratch = new Uint8Array(Math.max(logical.text.length, levelScratch.length * 2));
	const base = paragraphDirection(logical.p2Text ?? logical.text, options);
	const para = options.order === 'visual' ? resolveLevels(logical.text, base, {fallback: options.fallback, into: levelScratch}) : undefined;
	const direction: Direction = base;
	const text = options.shape ? shapeCodeApart(logical) : logical.text;
	const measure = measureUnits(text, scratch);
	const ranges = breakLines(text, measure, options.width);
	const lines: ParagraphLine<S>[] = [];
	const {plainOffset, plainLength} = logical;
	// Logical order: one scan instead of a test of every character of every line.
	// (Visual order looks every character up in a table anyway.)
	const hidden = !para && hasHidden(text);
	// L3 keeps each cluster whole: the measure marks where they start.
	const reorder: ReorderOptions | undefined = para ? {clusterStarts: measure.starts} : undefined;
	for (const range of ranges) {
		const runs =
			para && reorder ? visualRuns(text, para, logical, range.start, range.end, reorder) : logicalRuns(text, logical, range.start, range.end, hidden);
		const offset = range.start < text.length ? (plainOffset ? (plainOffset[range.start] ?? outOfRange()) : range.start) : plainLength;
		const end = range.end < text.length ? (plainOffset ? (plainOffset[range.end] ?? outOfRange()) : range.end) : plainLength;
		lines.push({runs, width: range.width, offset, end: Math.max(offset, end)});
	}
	if (styleScratch.length > KEEP) {
		styleScratch = new Uint32Array(1024);
		offsetScratch = new Uint32Array(1024);
		codeScratch = new Uint8Array(1024);
	}
	if (levelScratch.length > KEEP) levelScratch = new Uint8Array(1024);
	if (scratch.starts.length > KEEP) scratch = {starts: new Uint8Array(256), widths: new Uint8Array(256), count: 0};
	return {lines, direction, length: plainLength};
}

/** P2–P3 as resolveLevels decides it. */
function paragraphDirection(text: string, options: ParagraphOptions): Direction {
	return options.dir === 'auto' ? (firstStrongDirection(text) ?? options.fallback) : options.dir;
}

function visualRuns<S extends object>(
	text: string,
	para: ParagraphLevels,
	logical: Logical<S>,
	start: number,
	end: number,
	reorder: ReorderOptions,
): StyledText<S>[] {
	const count = end - start;
	if (order.length < count) order = new Int32Array(Math.max(count, order.length * 2));
	if (units.length < 2 * count) {
		units = new Uint16Array(Math.max(2 * count, units.length * 2));
		unitBytes = Buffer.from(units.buffer);
	}
	const {styleIds, styles} = logical;
	const runs: StyledText<S>[] = [];
	// One style (most paragraphs): one run, no style to look up per character.
	const oneStyle = styles.length === 1;
	if (oneStyle && para.simple && para.uniform && reorder.clusterStarts) {
		pushRun(runs, styles[0], 0, copyUniformLine(text, start, end, para.level, reorder.clusterStarts, unitFlagTable()));
		return runs;
	}
	reorderLineInto(text, para, start, end, order, reorder);
	// Module scratch in locals: a loop reloads (and TDZ-checks) a module `let` on every access.
	const indices = order;
	const out = units;
	const flags = unitFlagTable();
	const levels = para.levels;
	let runStyle = oneStyle ? 0 : -1;
	let from = 0; // where the current run starts in `units`
	let n = 0;
	for (let k = 0; k < count; k++) {
		const i = indices[k] ?? outOfRange();
		let code = text.charCodeAt(i);
		const flag = flags[code] ?? outOfRange();
		let pair = false;
		if (flag !== 0) {
			if (flag === HIDDEN) continue;
			if (flag === MIRRORED) {
				if ((levels[i] ?? outOfRange()) % 2 === 1) code = mirrorCode(code);
			} else {
				// reorderLine keeps a surrogate pair in logical order: the low half follows its high half.
				pair = isLowSurrogate(text.charCodeAt(i + 1)) && indices[k + 1] === i + 1;
			}
		}
		if (!oneStyle) {
			const id = styleIds[i] ?? outOfRange();
			if (id !== runStyle) {
				pushRun(runs, styles[runStyle], from, n);
				runStyle = id;
				from = n;
			}
		}
		out[n++] = code;
		if (pair) {
			out[n++] = text.charCodeAt(i + 1);
			k++;
		}
	}
	pushRun(runs, styles[runStyle], from, n);
	return runs;
}

/**
 * visualRuns for a line of a `simple`, `uniform` paragraph (bidi/fast-paths.ts orderUniformLine): every
 * unit is at the paragraph level, so the line is its clusters in logical order at an even
 * level, last to first at an odd one (each cluster's units kept in order, L3, but a ZWNJ/ZWJ
 * that ends its cluster on its own: extendsCluster), every unit mirrored at an odd level.
 * Copied into `units` with no order array; returns the count.
 */
function copyUniformLine(text: string, start: number, end: number, level: number, starts: Uint8Array, flags: Uint8Array): number {
	const out = units;
	let n = 0;
	if ((level & 1) === 0) {
		for (let j = start; j < end; j++) {
			const code = text.charCodeAt(j);
			if (flags[code] !== HIDDEN) out[n++] = code;
		}
		return n;
	}
	let clusterEnd = end;
	for (let i = end - 1; i >= start; i--) {
		if (i > start && starts[i] === 0 && extendsCluster(text, starts, i, end)) continue;
		for (let j = i; j < clusterEnd; j++) {
			const code = text.charCodeAt(j);
			const flag = flags[code] ?? outOfRange();
			if (flag === 0) out[n++] = code;
			else if (flag === MIRRORED) out[n++] = mirrorCode(code);
			else if (flag !== HIDDEN) out[n++] = code;
		}
		clusterEnd = i;
	}
	return n;
}

function pushRun<S extends object>(runs: StyledText<S>[], style: S | undefined, from: number, to: number): void {
	if (to > from && style) runs.push({text: unitsToString(units, unitBytes, from, to), style});
}

function logicalRuns<S extends object>(text: string, logical: Logical<S>, start: number, end: number, hidden: boolean): StyledText<S>[] {
	const runs: StyledText<S>[] = [];
	const {styleIds, styles} = logical;
	if (!hidden && styles.length === 1) {
		// One style, nothing to drop: the line is a slice.
		const style = styles[0];
		if (style && end > start) runs.push({text: text.slice(start, end), style});
		return runs;
	}
	let k = start;
	while (k < end) {
		const id = styleIds[k] ?? outOfRange();
		let j = k;
		let piece = '';
		let from = k;
		while (j < end && styleIds[j] === id) {
			if (isHidden(text.charCodeAt(j))) {
				piece += text.slice(from, j);
				from = j + 1;
			}
			j++;
		}
		piece += text.slice(from, j);
		const style = logical.styles[id];
		if (piece && style) runs.push({text: piece, style});
		k = j;
	}
	return runs;
}
